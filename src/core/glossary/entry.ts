/**
 * One entry file (YAML front matter + Markdown body) → an entry, or `file:line: message`s.
 * The same rules for bundled content (build/content.ts) and workspace glossaries (./workspace).
 */
import { isMap, isScalar, isSeq, visit, type Node as YamlNode } from 'yaml';
import type { Connection, Entry, EntryKind, KnowledgeBase, Mode, SettingValue, Source } from '../knowledge/types';
import { cleanAlias } from '../matching/alias';
import { SCOPE_NAMES } from '../profile';
import { english, fill, messages, type Translate } from '../l10n';
import { aliasProblem } from './alias-rules';
import { LIMITS } from './limits';
import { readFrontMatter, yamlReason } from './yaml';

export interface SourceFile {
  /** repository-relative path, used in messages */
  path: string;
  text: string;
}

/** Fields only a workspace glossary entry has. */
export const WORKSPACE_FIELDS = new Set(['extends']);

export interface Problem {
  file: string;
  line: number;
  message: string;
  /** what a quick fix can do, whatever language the message is in */
  fix?: ProblemFix;
}

/** `replace`: write `with` for `id` on the problem's line (a typo); `add-sources`: add a `sources:` stub. */
export type ProblemFix = { kind: 'replace'; id: string; with: string } | { kind: 'add-sources' };

export interface CompileResult {
  kb: KnowledgeBase;
  problems: Problem[];
}

const KINDS: readonly EntryKind[] = ['system', 'layer', 'component', 'concept', 'format', 'tool', 'setting'];
const MODES: readonly Mode[] = ['kernel', 'user', 'firmware'];
const KNOWN_FIELDS = new Set([
  'id', 'title', 'short', 'kind', 'summary', 'aliases', 'generic', 'ambiguous', 'systems', 'layers', 'mode',
  'related', 'connections', 'sources', 'formerIds', 'classification', 'classificationNote', 'vendor', 'stack',
  'system', 'modes', 'values', 'appliesTo', 'scopes', 'aliasScopes', 'binary', 'perVm', 'modeTitles', 'apart',
]);
const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * Documentation hosts that were shut down or now redirect to unrelated pages, with where their
 * content lives now. A prefix ends in `/` when only that path is retired.
 */
const RETIRED_SOURCES: readonly { prefix: string; instead: readonly string[] }[] = [
  ...['docs.vmware.com', 'pubs.vmware.com', 'kb.vmware.com', 'vdc-repo.vmware.com', 'vdc-download.vmware.com', 'communities.vmware.com', 'customerconnect.vmware.com', 'my.vmware.com', 'code.vmware.com', 'developer.vmware.com'].map(
    (host) => ({ prefix: host, instead: ['techdocs.broadcom.com', 'knowledge.broadcom.com', 'developer.broadcom.com'] }),
  ),
  ...['www.vmware.com/pdf/', 'www.vmware.com/files/', 'www.vmware.com/techpapers/', 'www.vmware.com/support/', 'vmware.com/pdf/'].map((prefix) => ({
    prefix,
    instead: ['techdocs.broadcom.com', 'knowledge.broadcom.com'],
  })),
  { prefix: 'technet.microsoft.com', instead: ['learn.microsoft.com'] },
  { prefix: 'msdn.microsoft.com', instead: ['learn.microsoft.com'] },
];

/**
 * The problems of entry files, for the content build and for workspace glossaries (shown in
 * the Problems panel, translated). `{0}`, `{1}` …: field names, ids, sizes, as each says.
 */
const entryWords = messages({
  /** {0}: the file's size, {1}: the limit */
  fileTooLong: 'file is {0} characters; an entry file may have at most {1}',
  noFrontMatter: 'front matter missing: the file must start with a line `---`',
  notClosed: 'front matter not closed: add a line `---` after the fields',
  /** {0}: a field name */
  unknownField: 'unknown field `{0}`',
  /** {0}: how many, {1}: the limit */
  yamlAliases: 'front matter uses {0} YAML aliases (*name); at most {1} are allowed',
  /** {0}: the YAML parser's message (English) */
  /** {0}: a field name */
  missingField: 'missing required field `{0}`',
  /** {0}: a field name */
  notText: '`{0}` must be text',
  /** {0}: a field name */
  empty: '`{0}` is empty',
  /** {0}: a field name */
  notList: '`{0}` must be a list of text items',
  /** {0}: the id */
  badId: 'id `{0}` must be lower case words joined by `.` or `-`',
  /** {0}: the kind written, {1}: the kinds allowed */
  badKind: 'kind `{0}` is not one of {1}',
  /** {0}: its length */
  longSummary: 'summary is {0} characters; keep it to one sentence under 240',
  noBody: 'body missing: write the key facts below the front matter',
  /** {0}: a field name, {1}: its length, {2}: the limit */
  longField: '`{0}` is {1} characters; at most {2}',
  /** {0}: a field name or an alias */
  multiline: '`{0}` spans lines: write it on one line',
  longNote: '`classificationNote` is longer than 600 characters',
  /** {0}: a field name, {1}: how many, {2}: the limit */
  tooManyItems: '`{0}` has {1} items; at most {2}',
  noSource: 'entry has no source: cite at least one public primary source `{ title, url }`',
  sourcesNotList: '`sources` must be a list of `{ title, url }`',
  sourceFields: 'each source needs a `title` and a `url`',
  /** {0}: the limit of a title */
  sourceTooLong: 'source title or url too long (at most {0} and 2000 characters)',
  /** {0}: the fields, such as `a`, `b` */
  sourceExtra: 'source has unknown field(s) {0}: quote text that contains commas or colons',
  /** {0}: the url */
  sourceNotHttps: 'source url `{0}` must be an https:// address',
  /** {0}: the url, {1}: the retired host, {2}: the hosts to cite instead */
  sourceRetired: 'source url `{0}` is on a retired documentation host ({1}): cite the current page on {2}',
  /** the last two of a list of hosts: `a, b or c` */
  or: '{0} or {1}',
  connectionsNotList: '`connections` must be a list of `{ to, label }`',
  connectionFields: 'each connection needs `to` (an id) and `label`',
  /** {0}: the limit */
  connectionLabel: 'connection label must be one line of at most {0} characters',
  /** {0}: the fields, such as `a`, `b` */
  connectionExtra: 'connection has unknown field(s) {0}: quote a label that contains commas or colons',
  connectionStory: 'connection `story` must be true or false',
  valuesNotList: '`values` must be a list of `{ value, meaning }`',
  valueFields: 'each value needs `value` and `meaning`',
  /** {0}: the limit */
  valueTooLong: 'a value must be one line of at most {0} characters, its meaning at most 600',
  /** {0}: the fields, such as `a`, `b` */
  valueExtra: 'value has unknown field(s) {0}: quote text that contains commas or colons',
  stackNotRows: '`stack` must be a list of rows, each a list of layer ids',
  /** {0}: the mode written, {1}: the modes allowed */
  badMode: 'mode `{0}` is not one of {1}',
  /** {0}: its length */
  longBinary: '`binary` is {0} characters; at most 40 (it is one line of a diagram box)',
  /** {0}: what it lists */
  perVmNotId: '`perVm` lists `{0}`, which is not an entry id',
  modeTitlesNotMap: '`modeTitles` must map modes to titles: `{ kernel: host OS kernel }`',
  /** {0}: the key, {1}: the modes allowed */
  modeTitlesBadMode: '`modeTitles` names `{0}`, which is not one of {1}',
  /** {0}: a mode */
  modeTitleText: 'the title of `{0}` must be text of at most 40 characters',
  apartBool: '`apart` must be true or false',
  badClassification: 'classification must be `type1` or `type2`',
  /** {0}: the field (`scopes`, or "the scopes of `x`") */
  scopesNotList: '{0} must be a non-empty list of scope names',
  /** {0}: the scope written, {1}: the field, {2}: the scope names */
  unknownScope: 'unknown scope `{0}` in {1}: use one of {2}, or !name to exclude one',
  /** {0}: an alias */
  scopesOf: 'the scopes of `{0}`',
  aliasScopesNotMap: '`aliasScopes` must map aliases to lists of scope names',
  /** {0}: the key */
  aliasScopesUnknown: 'aliasScopes names `{0}`, which is not one of the aliases',
  /** {0}: the alias */
  genericNotAlias: 'generic `{0}` is not one of the aliases',
  /** {0}: the alias */
  ambiguousNotAlias: 'ambiguous `{0}` is not one of the aliases',
  emptyAlias: 'an alias is empty: remove it',
  /** {0}: its length, {1}: the limit */
  longBody: 'body is {0} characters; at most {1}',
  /** {0}: the link's target */
  bodyLink: 'the body links to `{0}`: a body may link only to https:// pages',
  /** {0}: a field name */
  notExtendable: '`{0}` cannot be changed by `extends`: an extending file adds `aliases`, `generic`, `ambiguous`, `related` and a note (its body)',
  extendsNotId: '`extends` must be the id of a bundled entry',
  addsNothing: 'an extending file adds nothing: give it `aliases` or a note below the front matter',
});

type EntryWords = ReturnType<typeof entryWords>;

/** `a`, `a or b`, `a, b or c` */
function orList(items: readonly string[], w: EntryWords): string {
  return items.length < 2 ? (items[0] ?? '') : fill(w.or, items.slice(0, -1).join(', '), items.at(-1)!);
}

/** The retired source a URL points at, if any. */
export function retiredSource(url: string): { prefix: string; instead: readonly string[] } | undefined {
  const rest = url.replace(/^https?:\/\//i, '').toLowerCase();
  const host = rest.split(/[/?#]/)[0];
  return RETIRED_SOURCES.find((r) => (r.prefix.includes('/') ? rest.startsWith(r.prefix) : host === r.prefix));
}

/** What is wrong with a source's url (not https, a retired host), or undefined. */
export function sourceUrlProblem(url: string, t: Translate = english): string | undefined {
  const w = entryWords(t);
  if (!/^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(url)) return fill(w.sourceNotHttps, url);
  const r = retiredSource(url);
  return r ? fill(w.sourceRetired, url, r.prefix, orList(r.instead, w)) : undefined;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

export interface Parsed {
  entry: Entry;
  /** line of each top-level field, for messages */
  lines: Map<string, number>;
  /** workspace glossaries: the bundled entry this file adds aliases or a note to */
  extends?: string;
}

export interface ParseOptions {
  /** a workspace glossary file: `extends` is allowed */
  workspace?: boolean;
  /** the language of the problems (English by default) */
  t?: Translate;
}

/** Parses one entry file. Problems are pushed; returns undefined when the file is unusable. */
export function parseEntry(file: SourceFile, problems: Problem[], options: ParseOptions = {}): Parsed | undefined {
  const report = (line: number, message: string, fix?: ProblemFix) => problems.push({ file: file.path, line, message, ...(fix ? { fix } : {}) });
  const t = options.t ?? english;
  const w = entryWords(t);
  if (file.text.length > LIMITS.fileChars) {
    report(1, fill(w.fileTooLong, file.text.length, LIMITS.fileChars));
    return undefined;
  }
  const text = file.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines[0].trim() !== '---') {
    report(1, w.noFrontMatter);
    return undefined;
  }
  const close = lines.indexOf('---', 1);
  const closeAt = close >= 0 ? close : lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (closeAt < 0) {
    report(1, w.notClosed);
    return undefined;
  }
  const yamlText = lines.slice(1, closeAt).join('\n');
  const body = lines.slice(closeAt + 1).join('\n').trim();
  const fm = readFrontMatter(yamlText, report, (key) => (KNOWN_FIELDS.has(key) || (options.workspace && WORKSPACE_FIELDS.has(key)) ? undefined : fill(w.unknownField, oneLine(key))), t);
  if (!fm) return undefined;
  const { doc, fieldLines, lineOf } = fm;
  let yamlAliases = 0;
  let firstAlias: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      yamlAliases++;
      firstAlias ??= node.range?.[0];
    },
  });
  if (yamlAliases > LIMITS.yamlAliases) {
    report(lineOf(firstAlias), fill(w.yamlAliases, yamlAliases, LIMITS.yamlAliases));
    return undefined;
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
  } catch (e) {
    // yaml throws on an alias count past maxAliasCount: the only error toJS gives a parsed document
    report(lineOf(firstAlias), yamlReason(/alias/i.test(e instanceof Error ? e.message : '') ? 'RESOURCE_EXHAUSTION' : undefined, undefined, t));
    return undefined;
  }
  const at = (field: string) => fieldLines.get(field) ?? 2;

  const str = (field: string, required: boolean): string | undefined => {
    const v = data[field];
    if (v === undefined || v === null) {
      if (required) report(2, fill(w.missingField, field));
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      report(at(field), fill(w.notText, field));
      return undefined;
    }
    const s = String(v).trim();
    if (!s && required) report(at(field), fill(w.empty, field));
    return s || undefined;
  };
  const list = (field: string): string[] => {
    const v = data[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number')) {
      report(at(field), fill(w.notList, field));
      return [];
    }
    return v.map((x) => String(x).trim()).filter((x) => x.length > 0);
  };

  if (options.workspace && data.extends !== undefined) return parseExtension(file, data, fieldLines, body, closeAt + 2, report, t);

  const id = str('id', true);
  const title = str('title', true);
  const kind = str('kind', true) as EntryKind | undefined;
  const summary = str('summary', true);
  if (id && !ID.test(id)) report(at('id'), fill(w.badId, id));
  if (kind && !KINDS.includes(kind)) report(at('kind'), fill(w.badKind, kind, KINDS.join(', ')));
  if (summary && summary.length > 240) report(at('summary'), fill(w.longSummary, summary.length));
  if (!body) report(closeAt + 1, w.noBody);
  checkBody(body, closeAt + 2, report, w);
  for (const field of ['title', 'short', 'vendor', 'system', 'mode', 'classification', 'binary']) {
    const v = data[field];
    if (typeof v === 'string' && v.length > LIMITS.fieldChars) report(at(field), fill(w.longField, field, v.length, LIMITS.fieldChars));
    if (typeof v === 'string' && /[\r\n\u2028\u2029]/.test(v.trim())) report(at(field), fill(w.multiline, field));
  }
  if (typeof data.classificationNote === 'string' && data.classificationNote.length > 600) report(at('classificationNote'), w.longNote);
  for (const field of ['aliases', 'generic', 'ambiguous', 'systems', 'layers', 'related', 'connections', 'sources', 'formerIds', 'values', 'stack', 'appliesTo', 'scopes', 'modes', 'perVm']) {
    const v = data[field];
    const max = field === 'aliases' || field === 'generic' || field === 'ambiguous' ? LIMITS.aliasesPerEntry : LIMITS.listItems;
    if (Array.isArray(v) && v.length > max) {
      report(at(field), fill(w.tooManyItems, field, v.length, max));
      return undefined;
    }
  }

  const sources: Source[] = [];
  const rawSources = data.sources;
  if (rawSources === undefined || rawSources === null || (Array.isArray(rawSources) && rawSources.length === 0)) {
    report(at('sources'), w.noSource, { kind: 'add-sources' });
  } else if (!Array.isArray(rawSources)) {
    report(at('sources'), w.sourcesNotList);
  } else {
    rawSources.forEach((s: unknown, i) => {
      const src = s as Partial<Source> | null;
      const line = lineOfItem(doc.contents, 'sources', i, lineOf) ?? at('sources');
      if (!src || typeof src !== 'object' || typeof src.title !== 'string' || typeof src.url !== 'string') {
        report(line, w.sourceFields);
      } else if (src.title.length > LIMITS.fieldChars || src.url.length > 2000) {
        report(line, fill(w.sourceTooLong, LIMITS.fieldChars));
      } else if (extraKeys(src, ['title', 'url'])) {
        report(line, fill(w.sourceExtra, extraKeys(src, ['title', 'url'])));
      } else if (sourceUrlProblem(src.url, t)) {
        report(line, sourceUrlProblem(src.url, t)!);
      } else {
        sources.push({ title: src.title.trim(), url: src.url.trim() });
      }
    });
  }

  const connections: Connection[] = [];
  const rawConnections = data.connections;
  if (rawConnections !== undefined && rawConnections !== null) {
    if (!Array.isArray(rawConnections)) report(at('connections'), w.connectionsNotList);
    else
      rawConnections.forEach((c: unknown, i) => {
        const conn = c as Partial<Connection> | null;
        const line = lineOfItem(doc.contents, 'connections', i, lineOf) ?? at('connections');
        if (!conn || typeof conn !== 'object' || typeof conn.to !== 'string' || typeof conn.label !== 'string') {
          report(line, w.connectionFields);
        } else if (conn.label.length > LIMITS.fieldChars || /[\r\n]/.test(conn.label)) {
          report(line, fill(w.connectionLabel, LIMITS.fieldChars));
        } else if (extraKeys(conn, ['to', 'label', 'via', 'story'])) {
          report(line, fill(w.connectionExtra, extraKeys(conn, ['to', 'label', 'via', 'story'])));
        } else if (conn.story !== undefined && typeof conn.story !== 'boolean') {
          report(line, w.connectionStory);
        } else {
          connections.push({ to: conn.to, label: conn.label, ...(typeof conn.via === 'string' ? { via: conn.via } : {}), ...(conn.story ? { story: true } : {}) });
        }
      });
  }

  let values: SettingValue[] | undefined;
  if (data.values !== undefined && data.values !== null) {
    if (!Array.isArray(data.values)) report(at('values'), w.valuesNotList);
    else {
      values = [];
      for (const v of data.values as unknown[]) {
        const sv = v as Partial<SettingValue> | null;
        if (!sv || typeof sv !== 'object' || sv.value === undefined || typeof sv.meaning !== 'string') {
          report(at('values'), w.valueFields);
        } else if (String(sv.value).length > LIMITS.fieldChars || sv.meaning.length > 600 || /[\r\n\u2028\u2029]/.test(String(sv.value).trim())) {
          report(at('values'), fill(w.valueTooLong, LIMITS.fieldChars));
        } else if (extraKeys(sv, ['value', 'meaning'])) {
          report(at('values'), fill(w.valueExtra, extraKeys(sv, ['value', 'meaning'])));
        } else values.push({ value: String(sv.value), meaning: sv.meaning });
      }
    }
  }

  let stack: string[][] | undefined;
  if (data.stack !== undefined && data.stack !== null) {
    if (!Array.isArray(data.stack) || data.stack.some((row) => !Array.isArray(row) && typeof row !== 'string')) {
      report(at('stack'), w.stackNotRows);
    } else stack = (data.stack as unknown[]).map((row) => (Array.isArray(row) ? row.map(String) : [String(row)]));
  }

  const mode = str('mode', false) as Mode | undefined;
  if (mode && !MODES.includes(mode)) report(at('mode'), fill(w.badMode, mode, MODES.join(', ')));
  const modes = list('modes') as Mode[];
  for (const m of modes) if (!MODES.includes(m)) report(at('modes'), fill(w.badMode, m, MODES.join(', ')));
  const binary = str('binary', false);
  if (binary && binary.length > 40) report(at('binary'), fill(w.longBinary, binary.length));
  const perVm = list('perVm');
  for (const l of perVm) if (!ID.test(l)) report(at('perVm'), fill(w.perVmNotId, l));
  let modeTitles: Partial<Record<Mode, string>> | undefined;
  if (data.modeTitles !== undefined && data.modeTitles !== null) {
    const mt = data.modeTitles as Record<string, unknown>;
    if (typeof mt !== 'object' || Array.isArray(mt)) report(at('modeTitles'), w.modeTitlesNotMap);
    else {
      modeTitles = {};
      for (const [k, v] of Object.entries(mt)) {
        if (!MODES.includes(k as Mode)) report(at('modeTitles'), fill(w.modeTitlesBadMode, k, MODES.join(', ')));
        else if (typeof v !== 'string' || !v.trim() || v.length > 40) report(at('modeTitles'), fill(w.modeTitleText, k));
        else modeTitles[k as Mode] = v.trim();
      }
    }
  }
  const apart = data.apart;
  if (apart !== undefined && apart !== null && typeof apart !== 'boolean') report(at('apart'), w.apartBool);
  const classification = str('classification', false);
  if (classification && classification !== 'type1' && classification !== 'type2') {
    report(at('classification'), w.badClassification);
  }

  if (!id || !title || !kind || !summary) return undefined;
  const entry: Entry = {
    id,
    title,
    kind,
    summary,
    body,
    aliases: list('aliases'),
    generic: list('generic'),
    ambiguous: list('ambiguous'),
    systems: list('systems'),
    layers: list('layers'),
    related: list('related'),
    connections,
    sources,
    formerIds: list('formerIds'),
    file: file.path,
  };
  const short = str('short', false);
  if (short) entry.short = short;
  if (mode) entry.mode = mode;
  if (classification) entry.classification = classification as 'type1' | 'type2';
  const note = str('classificationNote', false);
  if (note) entry.classificationNote = note;
  const vendor = str('vendor', false);
  if (vendor) entry.vendor = vendor;
  if (stack) entry.stack = stack;
  const system = str('system', false);
  if (system) entry.system = system;
  if (modes.length) entry.modes = modes;
  if (binary) entry.binary = binary;
  if (perVm.length) entry.perVm = perVm;
  if (modeTitles && Object.keys(modeTitles).length) entry.modeTitles = modeTitles;
  if (apart === true) entry.apart = true;
  if (values) entry.values = values;
  const appliesTo = list('appliesTo');
  if (appliesTo.length) entry.appliesTo = appliesTo;

  const scopeList = (v: unknown, line: number, what: string): string[] | undefined => {
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string')) {
      report(line, fill(w.scopesNotList, what));
      return undefined;
    }
    const names = v.map((x: string) => x.trim());
    for (const n of names) {
      if (!SCOPE_NAMES.has(n.replace(/^!/, ''))) report(line, fill(w.unknownScope, n, what, [...SCOPE_NAMES].join(', ')));
    }
    return names;
  };
  if (data.scopes !== undefined && data.scopes !== null) {
    const scopes = scopeList(data.scopes, at('scopes'), '`scopes`');
    if (scopes) entry.scopes = scopes;
  }
  if (data.aliasScopes !== undefined && data.aliasScopes !== null) {
    const raw = data.aliasScopes;
    if (typeof raw !== 'object' || Array.isArray(raw)) report(at('aliasScopes'), w.aliasScopesNotMap);
    else {
      const known = new Set(entry.aliases.map((a) => cleanAlias(a).toLowerCase()));
      const out: Record<string, string[]> = {};
      for (const [alias, v] of Object.entries(raw as Record<string, unknown>)) {
        const line = lineOfKey(doc.contents, 'aliasScopes', alias, lineOf) ?? at('aliasScopes');
        if (!known.has(cleanAlias(alias).toLowerCase())) report(line, fill(w.aliasScopesUnknown, alias));
        const scopes = scopeList(v, line, fill(w.scopesOf, alias));
        if (scopes) out[alias] = scopes;
      }
      if (Object.keys(out).length) entry.aliasScopes = out;
    }
  }

  const lower = (xs: string[]) => new Set(xs.map((x) => cleanAlias(x).toLowerCase()));
  const aliasSet = lower(entry.aliases);
  for (const g of entry.generic) if (!aliasSet.has(cleanAlias(g).toLowerCase())) report(at('generic'), fill(w.genericNotAlias, g));
  for (const a of entry.ambiguous) if (!aliasSet.has(cleanAlias(a).toLowerCase())) report(at('ambiguous'), fill(w.ambiguousNotAlias, a));
  if (Array.isArray(data.aliases) && data.aliases.some((x) => String(x ?? '').trim() === '')) report(at('aliases'), w.emptyAlias);
  checkAliases(entry.aliases, entry.generic, at('aliases'), report, t);
  return { entry, lines: fieldLines };
}

function checkAliases(aliases: string[], generic: string[], line: number, report: (line: number, message: string) => void, t: Translate): void {
  const genericSet = new Set(generic.map((g) => g.trim().toLowerCase()));
  for (const a of aliases) {
    const problem = aliasProblem(a, genericSet, t);
    if (problem) report(line, problem);
  }
}

/** Bodies: size, and links only to https pages (a card must never link anywhere else). */
function checkBody(body: string, firstLine: number, report: (line: number, message: string) => void, w: EntryWords): void {
  if (body.length > LIMITS.bodyChars) {
    report(firstLine, fill(w.longBody, body.length, LIMITS.bodyChars));
    return;
  }
  const link = /\]\(\s*<?([^)\s>]*)|<([a-z][a-z0-9+.-]*:[^>\s]*)>|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gim;
  for (let m = link.exec(body); m; m = link.exec(body)) {
    const target = m[1] ?? m[2] ?? m[3] ?? '';
    if (/^https:\/\//i.test(target) || target.startsWith('#')) continue;
    const line = firstLine + body.slice(0, m.index).split('\n').length - 1;
    report(line, fill(w.bodyLink, oneLine(target)));
  }
}

/** A workspace file that adds aliases and a note (its body) to a bundled entry. */
function parseExtension(
  file: SourceFile,
  data: Record<string, unknown>,
  fieldLines: Map<string, number>,
  body: string,
  bodyLine: number,
  report: (line: number, message: string) => void,
  t: Translate,
): Parsed | undefined {
  const w = entryWords(t);
  const at = (field: string) => fieldLines.get(field) ?? 2;
  const allowed = new Set(['extends', 'aliases', 'generic', 'ambiguous', 'related']);
  let ok = true;
  for (const key of fieldLines.keys()) {
    if (!allowed.has(key)) {
      report(at(key), fill(w.notExtendable, oneLine(key)));
      ok = false;
    }
  }
  const target = data.extends;
  if (typeof target !== 'string' || !ID.test(target.trim())) {
    report(at('extends'), w.extendsNotId);
    return undefined;
  }
  const list = (field: string): string[] | undefined => {
    const v = data[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number')) {
      report(at(field), fill(w.notList, field));
      return undefined;
    }
    if (v.length > LIMITS.aliasesPerEntry) {
      report(at(field), fill(w.tooManyItems, field, v.length, LIMITS.aliasesPerEntry));
      return undefined;
    }
    return v.map((x) => String(x).trim()).filter((x) => x.length > 0);
  };
  const aliases = list('aliases');
  const generic = list('generic');
  const ambiguous = list('ambiguous');
  const related = list('related');
  if (!aliases || !generic || !ambiguous || !related || !ok) return undefined;
  if (!aliases.length && !related.length && !body) {
    report(at('extends'), w.addsNothing);
    return undefined;
  }
  checkBody(body, bodyLine, report, w);
  checkAliases(aliases, generic, at('aliases'), report, t);
  const aliasSet = new Set(aliases.map((a) => cleanAlias(a).toLowerCase()));
  for (const g of generic) if (!aliasSet.has(cleanAlias(g).toLowerCase())) report(at('generic'), fill(w.genericNotAlias, oneLine(g)));
  const id = target.trim();
  const entry: Entry = {
    id,
    title: id,
    kind: 'concept',
    summary: '',
    body,
    aliases,
    generic,
    ambiguous,
    systems: [],
    layers: [],
    related,
    connections: [],
    sources: [],
    formerIds: [],
    file: file.path,
  };
  return { entry, lines: fieldLines, extends: id };
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').replace(/`/g, "'");
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** Keys of a front-matter object beyond the allowed ones, as `a`, `b`; '' when none. */
function extraKeys(o: object, allowed: string[]): string {
  return Object.keys(o)
    .filter((k) => !allowed.includes(k))
    .map((k) => `\`${k}\``)
    .join(', ');
}

function lineOfKey(map: unknown, field: string, key: string, lineOf: (offset: number | undefined) => number): number | undefined {
  if (!isMap(map)) return undefined;
  const inner = map.get(field, true);
  if (!isMap(inner)) return undefined;
  for (const pair of inner.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return lineOf((pair.key as YamlNode).range?.[0]);
  }
  return undefined;
}

function lineOfItem(
  map: unknown,
  field: string,
  index: number,
  lineOf: (offset: number | undefined) => number,
): number | undefined {
  if (!isMap(map)) return undefined;
  const seq = map.get(field, true);
  if (!isSeq(seq)) return undefined;
  const item = seq.items[index] as YamlNode | undefined;
  return item?.range ? lineOf(item.range[0]) : undefined;
}

