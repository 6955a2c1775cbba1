import { english, messages, type Translate } from '../l10n';

/** What each front-matter field means, for completions and hovers in glossary files (content/README.md has the full text). */
const help = messages({
  id: 'Stable id, lower-case words joined by `.` or `-` (`team.orion`). Never rename; keep an old id in `formerIds`.',
  extends: 'Workspace glossaries only: the id of a bundled entry this file adds `aliases`, `related` ids and a note (the body) to.',
  title: 'The name a person would use, with its usual casing.',
  short: 'The acronym or binary shown next to the title.',
  kind: 'One of system, layer, component, concept, format, tool, setting.',
  summary: 'One sentence, at most 240 characters, ending with a full stop.',
  aliases: 'Every form of the term that appears in real files. Common English words must also be listed under `generic`.',
  generic: 'Those aliases that are ordinary words: they only match near a specific term.',
  ambiguous: 'Aliases shared on purpose with another workspace entry that lists them too.',
  systems: 'Ids of the systems (kind: system) it belongs to, such as hyperv or kvm.',
  layers: 'For components: ids of the layers (kind: layer) it is drawn in, such as hyperv.root.',
  mode: 'kernel, user or firmware, for components inside a partition or domain.',
  related: 'Ids of related entries.',
  connections: 'For components: `{ to: <id>, label: <mechanism>, story?: true }` items, drawn in the diagram; `story` ones show by default.',
  sources: 'At least one source `{ title, url }`, https:// only.',
  formerIds: 'Old ids that still resolve.',
  classification: 'Systems only: type1 or type2.',
  classificationNote: 'Systems only: one or two sentences on the classification.',
  vendor: 'Systems only: who makes it.',
  stack: 'Systems only: the layers from hardware up, as rows of layer ids.',
  system: 'Layers only: the id of the system the layer belongs to.',
  modes: 'Layers only: [kernel, user] when components are split by privilege mode.',
  binary: 'Components only: the file that implements it (vmwp.exe), drawn on the second line of its diagram box.',
  perVm: 'Components only: layers (VM partitions) the component is drawn once for each of, like one VMWP per child partition.',
  modeTitles: 'Layers only: band titles instead of "kernel mode" and "user mode", such as { kernel: host OS kernel }.',
  apart: 'Layers only: true to draw the layer apart from the stack, in a dashed frame (alternatives to the layer beside it).',
  values: 'Settings only: `{ value, meaning }` items.',
  appliesTo: 'Settings only: the tools or formats the setting is written in (vmx, libvirt, qemu, ...).',
  scopes: 'The document contexts the entry matches in, such as [terraform]; `!name` excludes one.',
  aliasScopes: 'The same as `scopes`, for single aliases.',
});

/** The fields' help in the language of `t`, by field name. */
export const fieldHelp = (t: Translate = english): Readonly<Record<string, string>> => help(t);

export const KIND_NAMES = ['system', 'layer', 'component', 'concept', 'format', 'tool', 'setting'] as const;
