/** The compiled knowledge base, as `build/content.mjs` writes it to `dist/knowledge.json`. */
import type { CheckDef } from '../checks/types';

export type EntryKind = 'system' | 'layer' | 'component' | 'concept' | 'format' | 'tool' | 'setting';
export type Mode = 'kernel' | 'user' | 'firmware';

export interface Source {
  title: string;
  url: string;
}

export interface Connection {
  to: string;
  label: string;
  via?: string;
  /** one of the few edges the diagram shows by default: they carry the architecture's story */
  story?: boolean;
}

export interface SettingValue {
  value: string;
  meaning: string;
}

export interface Entry {
  id: string;
  title: string;
  short?: string;
  kind: EntryKind;
  summary: string;
  /** Markdown. Rendered with HTML disabled. */
  body: string;
  aliases: string[];
  generic: string[];
  ambiguous: string[];
  systems: string[];
  layers: string[];
  mode?: Mode;
  related: string[];
  connections: Connection[];
  sources: Source[];
  formerIds: string[];
  /** systems only */
  classification?: 'type1' | 'type2';
  classificationNote?: string;
  vendor?: string;
  /** systems only: layer ids from hardware up; a row holds layers drawn side by side */
  stack?: string[][];
  /** components only: the file that implements it (`vmwp.exe`), drawn on the box's second line */
  binary?: string;
  /** components only: drawn once per VM, one copy for each of these layers (one VMWP per child partition) */
  perVm?: string[];
  /** layers only */
  system?: string;
  modes?: Mode[];
  /** layers only: the band titles to draw instead of "kernel mode" / "user mode" (`host OS kernel`) */
  modeTitles?: Partial<Record<Mode, string>>;
  /** layers only: drawn apart from the stack, in a dashed frame (alternatives to a layer beside it) */
  apart?: true;
  /** settings only */
  values?: SettingValue[];
  appliesTo?: string[];
  /** the contexts (tools, formats, systems of a document profile) the whole entry matches in; `!name` excludes one */
  scopes?: string[];
  /** the same, for single aliases: alias as written → scopes */
  aliasScopes?: Record<string, string[]>;
  /** repository-relative path of the source file, for messages */
  file: string;
  /** set on entries from a workspace glossary (then `file` is the glossary file's workspace path) */
  workspace?: true;
  /** notes and aliases that workspace glossary files added to a bundled entry (`extends:`) */
  notes?: WorkspaceNote[];
}

export interface WorkspaceNote {
  /** Markdown as written; shown as plain text */
  text: string;
  /** workspace path of the glossary file */
  file: string;
  aliases: string[];
}

export interface FlowStep {
  /** entry ids of the boxes this step highlights, in order; consecutive ones share an edge */
  boxes: string[];
  /** when given, the edges between the boxes must carry this label */
  edge?: string;
  /** one or two sentences: what happens in this step */
  text: string;
  /** the entry the step links to (defaults to its last box) */
  entry: string;
  /** the source that supports the step (one of the flow's sources) */
  source: Source;
}

/** A guided flow (content/flows/): an ordered walk through one system's diagram. */
export interface Flow {
  id: string;
  title: string;
  /** one sentence for the flow list and the quick pick */
  summary: string;
  system: string;
  steps: FlowStep[];
  sources: Source[];
  file: string;
}

export interface KnowledgeBase {
  version: 1;
  entries: Entry[];
  /** guided flows, checked against the diagrams by the build */
  flows?: Flow[];
  /** misconception checks (content/checks/) */
  checks?: CheckDef[];
}
