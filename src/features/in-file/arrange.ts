/**
 * How In This File orders and groups the terms it found (pure: no `vscode`, unit-tested).
 * Specific terms always come before common words (`host`, `memory`) that only count near them.
 */
import type { Entry } from '../../core/knowledge/types';
import { english, messages, type Translate } from '../../core/l10n';
import type { TermGroup } from './scan';

export type GroupBy = 'none' | 'system' | 'kind';
export type SortBy = 'position' | 'count';

export interface Section {
  /** stable id for the tree: `system:hyperv`, `kind:component`, `system:` for shared terms */
  key: string;
  label: string;
  groups: TermGroup[];
}

const KIND_ORDER: Entry['kind'][] = ['system', 'layer', 'component', 'setting', 'tool', 'format', 'concept'];
const kindSections = messages<Entry['kind']>({
  system: 'Systems',
  layer: 'Layers',
  component: 'Components',
  setting: 'Settings and options',
  tool: 'Tools',
  format: 'Files and formats',
  concept: 'Concepts',
});
const sectionWords = messages({ shared: 'Across systems' });
/** The section of terms that belong to no single system (English). */
export const SHARED_SECTION = sectionWords().shared;

/** Whether every occurrence of the group is a common word that counted only near specific terms. */
export function isGenericGroup(group: TermGroup): boolean {
  return group.occurrences.length > 0 && group.occurrences.every((o) => o.generic);
}

function firstStart(group: TermGroup): number {
  return group.occurrences[0]?.start ?? Number.MAX_SAFE_INTEGER;
}

/** Orders groups: specific before generic, then by first occurrence or by count (ties by position). */
export function sortGroups(groups: readonly TermGroup[], sortBy: SortBy): TermGroup[] {
  return [...groups].sort((a, b) => {
    const generic = Number(isGenericGroup(a)) - Number(isGenericGroup(b));
    if (generic) return generic;
    if (sortBy === 'count') {
      const count = b.occurrences.length - a.occurrences.length;
      if (count) return count;
    }
    return firstStart(a) - firstStart(b);
  });
}

/** The system an entry belongs to for grouping, or '' when it is not tied to exactly one. */
export function systemOf(entry: Entry | undefined): string {
  if (!entry) return '';
  if (entry.kind === 'system') return entry.id;
  return entry.systems.length === 1 ? entry.systems[0]! : '';
}

/**
 * Sections for the view's top level (one, unlabelled, for `none`). Sections are ordered as
 * their groups are: by the first specific term they hold, or by their total count; the
 * section of shared terms and any section of common words only come last.
 */
export function arrange(groups: readonly TermGroup[], entryOf: (id: string) => Entry | undefined, options: { groupBy: GroupBy; sortBy: SortBy }, t: Translate = english): Section[] {
  const sorted = sortGroups(groups, options.sortBy);
  if (options.groupBy === 'none') return [{ key: '', label: '', groups: sorted }];
  const sections = new Map<string, Section>();
  for (const group of sorted) {
    const entry = entryOf(group.id);
    let key: string;
    let label: string;
    if (options.groupBy === 'system') {
      const system = systemOf(entry);
      key = `system:${system}`;
      label = system ? (entryOf(system)?.title ?? system) : sectionWords(t).shared;
    } else {
      const kind = entry?.kind ?? 'concept';
      key = `kind:${kind}`;
      label = kindSections(t)[kind];
    }
    let section = sections.get(key);
    if (!section) sections.set(key, (section = { key, label, groups: [] }));
    section.groups.push(group);
  }
  const rank = (s: Section): number[] => {
    const allGeneric = s.groups.every(isGenericGroup) ? 1 : 0;
    const shared = s.key === 'system:' ? 1 : 0;
    const kind = options.groupBy === 'kind' ? KIND_ORDER.indexOf(s.key.slice(5) as Entry['kind']) : 0;
    const count = s.groups.reduce((n, g) => n + g.occurrences.length, 0);
    const first = Math.min(...s.groups.filter((g) => !isGenericGroup(g)).map(firstStart), ...s.groups.map(firstStart));
    return [allGeneric, shared, kind, options.sortBy === 'count' ? -count : first, first];
  };
  return [...sections.values()].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return 0;
  });
}
