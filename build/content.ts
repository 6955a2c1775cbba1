/**
 * The content compiler: reads content/**\/*.md (YAML front matter + Markdown body), checks
 * every entry and every reference, and returns the knowledge base or `file:line: message`s.
 * Pure: takes file texts, returns data; `build/content.mjs` does the I/O.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Connection, Entry, EntryKind, KnowledgeBase, Mode, SettingValue, Source } from '../src/core/knowledge/types';
import { KnowledgeIndex } from '../src/core/knowledge/index';
import { checkFlows, isFlowFile, parseFlow, type ParsedFlow } from './flows';
import { aliasForms, aliasSignature, cleanAlias } from '../src/core/matching/alias';
import { SCOPE_NAMES } from '../src/core/profile';

export interface SourceFile {
  /** repository-relative path, used in messages */
  path: string;
  text: string;
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface CompileResult {
  kb: KnowledgeBase;
  problems: Problem[];
}

const KINDS: readonly EntryKind[] = ['system', 'layer', 'component', 'concept', 'format', 'tool', 'setting'];
const MODES: readonly Mode[] = ['kernel', 'user', 'firmware'];
const KNOWN_FIELDS = new Set([
  'id', 'title', 'short', 'kind', 'summary', 'aliases', 'generic', 'ambiguous', 'systems', 'layers', 'mode',
  'related', 'connections', 'sources', 'formerIds', 'classification', 'classificationNote', 'vendor', 'stack',
  'system', 'modes', 'values', 'appliesTo', 'scopes', 'aliasScopes',
]);
const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * Documentation hosts that were shut down or now redirect to unrelated pages, with where their
 * content lives now. A prefix ends in `/` when only that path is retired.
 */
const RETIRED_SOURCES: readonly { prefix: string; instead: string }[] = [
  ...['docs.vmware.com', 'pubs.vmware.com', 'kb.vmware.com', 'vdc-repo.vmware.com', 'vdc-download.vmware.com', 'communities.vmware.com', 'customerconnect.vmware.com', 'my.vmware.com', 'code.vmware.com', 'developer.vmware.com'].map(
    (host) => ({ prefix: host, instead: 'techdocs.broadcom.com, knowledge.broadcom.com or developer.broadcom.com' }),
  ),
  ...['www.vmware.com/pdf/', 'www.vmware.com/files/', 'www.vmware.com/techpapers/', 'www.vmware.com/support/', 'vmware.com/pdf/'].map((prefix) => ({
    prefix,
    instead: 'techdocs.broadcom.com or knowledge.broadcom.com',
  })),
  { prefix: 'technet.microsoft.com', instead: 'learn.microsoft.com' },
  { prefix: 'msdn.microsoft.com', instead: 'learn.microsoft.com' },
];

/** The retired source a URL points at, if any. */
export function retiredSource(url: string): { prefix: string; instead: string } | undefined {
  const rest = url.replace(/^https?:\/\//i, '').toLowerCase();
  const host = rest.split(/[/?#]/)[0];
  return RETIRED_SOURCES.find((r) => (r.prefix.includes('/') ? rest.startsWith(r.prefix) : host === r.prefix));
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.message}`;
}

interface Parsed {
  entry: Entry;
  /** line of each top-level field, for messages */
  lines: Map<string, number>;
}

/** Parses one entry file. Problems are pushed; returns undefined when the file is unusable. */
export function parseEntry(file: SourceFile, problems: Problem[]): Parsed | undefined {
  const report = (line: number, message: string) => problems.push({ file: file.path, line, message });
  const text = file.text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines[0].trim() !== '---') {
    report(1, 'front matter missing: the file must start with a line `---`');
    return undefined;
  }
  const close = lines.indexOf('---', 1);
  const closeAt = close >= 0 ? close : lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (closeAt < 0) {
    report(1, 'front matter not closed: add a line `---` after the fields');
    return undefined;
  }
  const yamlText = lines.slice(1, closeAt).join('\n');
  const body = lines.slice(closeAt + 1).join('\n').trim();
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : counter.linePos(offset).line + 1);
  if (doc.errors.length) {
    for (const e of doc.errors) report(lineOf(e.pos[0]), `malformed front matter: ${e.message.split('\n')[0]}`);
    return undefined;
  }
  if (!isMap(doc.contents)) {
    report(2, 'malformed front matter: expected `field: value` lines');
    return undefined;
  }
  const fieldLines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = lineOf((pair.key as YamlNode | null)?.range?.[0]);
    fieldLines.set(key, line);
    if (!KNOWN_FIELDS.has(key)) report(line, `unknown field \`${key}\``);
  }
  const data = doc.toJS() as Record<string, unknown>;
  const at = (field: string) => fieldLines.get(field) ?? 2;

  const str = (field: string, required: boolean): string | undefined => {
    const v = data[field];
    if (v === undefined || v === null) {
      if (required) report(2, `missing required field \`${field}\``);
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') {
      report(at(field), `\`${field}\` must be text`);
      return undefined;
    }
    const s = String(v).trim();
    if (!s && required) report(at(field), `\`${field}\` is empty`);
    return s || undefined;
  };
  const list = (field: string): string[] => {
    const v = data[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number')) {
      report(at(field), `\`${field}\` must be a list of text items`);
      return [];
    }
    return v.map((x) => String(x).trim()).filter((x) => x.length > 0);
  };

  const id = str('id', true);
  const title = str('title', true);
  const kind = str('kind', true) as EntryKind | undefined;
  const summary = str('summary', true);
  if (id && !ID.test(id)) report(at('id'), `id \`${id}\` must be lower case words joined by \`.\` or \`-\``);
  if (kind && !KINDS.includes(kind)) report(at('kind'), `kind \`${kind}\` is not one of ${KINDS.join(', ')}`);
  if (summary && summary.length > 240) report(at('summary'), `summary is ${summary.length} characters; keep it to one sentence under 240`);
  if (!body) report(closeAt + 1, 'body missing: write the key facts below the front matter');

  const sources: Source[] = [];
  const rawSources = data.sources;
  if (rawSources === undefined || rawSources === null || (Array.isArray(rawSources) && rawSources.length === 0)) {
    report(at('sources'), 'entry has no source: cite at least one public primary source `{ title, url }`');
  } else if (!Array.isArray(rawSources)) {
    report(at('sources'), '`sources` must be a list of `{ title, url }`');
  } else {
    rawSources.forEach((s: unknown, i) => {
      const src = s as Partial<Source> | null;
      const line = lineOfItem(doc.contents, 'sources', i, lineOf) ?? at('sources');
      if (!src || typeof src !== 'object' || typeof src.title !== 'string' || typeof src.url !== 'string') {
        report(line, 'each source needs a `title` and a `url`');
      } else if (extraKeys(src, ['title', 'url'])) {
        report(line, `source has unknown field(s) ${extraKeys(src, ['title', 'url'])}: quote text that contains commas or colons`);
      } else if (!/^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(src.url)) {
        report(line, `source url \`${src.url}\` must be an https:// address`);
      } else if (retiredSource(src.url)) {
        const r = retiredSource(src.url)!;
        report(line, `source url \`${src.url}\` is on a retired documentation host (${r.prefix}): cite the current page on ${r.instead}`);
      } else {
        sources.push({ title: src.title.trim(), url: src.url.trim() });
      }
    });
  }

  const connections: Connection[] = [];
  const rawConnections = data.connections;
  if (rawConnections !== undefined && rawConnections !== null) {
    if (!Array.isArray(rawConnections)) report(at('connections'), '`connections` must be a list of `{ to, label }`');
    else
      rawConnections.forEach((c: unknown, i) => {
        const conn = c as Partial<Connection> | null;
        const line = lineOfItem(doc.contents, 'connections', i, lineOf) ?? at('connections');
        if (!conn || typeof conn !== 'object' || typeof conn.to !== 'string' || typeof conn.label !== 'string') {
          report(line, 'each connection needs `to` (an id) and `label`');
        } else if (extraKeys(conn, ['to', 'label', 'via'])) {
          report(line, `connection has unknown field(s) ${extraKeys(conn, ['to', 'label', 'via'])}: quote a label that contains commas or colons`);
        } else {
          connections.push({ to: conn.to, label: conn.label, ...(typeof conn.via === 'string' ? { via: conn.via } : {}) });
        }
      });
  }

  let values: SettingValue[] | undefined;
  if (data.values !== undefined && data.values !== null) {
    if (!Array.isArray(data.values)) report(at('values'), '`values` must be a list of `{ value, meaning }`');
    else {
      values = [];
      for (const v of data.values as unknown[]) {
        const sv = v as Partial<SettingValue> | null;
        if (!sv || typeof sv !== 'object' || sv.value === undefined || typeof sv.meaning !== 'string') {
          report(at('values'), 'each value needs `value` and `meaning`');
        } else if (extraKeys(sv, ['value', 'meaning'])) {
          report(at('values'), `value has unknown field(s) ${extraKeys(sv, ['value', 'meaning'])}: quote text that contains commas or colons`);
        } else values.push({ value: String(sv.value), meaning: sv.meaning });
      }
    }
  }

  let stack: string[][] | undefined;
  if (data.stack !== undefined && data.stack !== null) {
    if (!Array.isArray(data.stack) || data.stack.some((row) => !Array.isArray(row) && typeof row !== 'string')) {
      report(at('stack'), '`stack` must be a list of rows, each a list of layer ids');
    } else stack = (data.stack as unknown[]).map((row) => (Array.isArray(row) ? row.map(String) : [String(row)]));
  }

  const mode = str('mode', false) as Mode | undefined;
  if (mode && !MODES.includes(mode)) report(at('mode'), `mode \`${mode}\` is not one of ${MODES.join(', ')}`);
  const modes = list('modes') as Mode[];
  for (const m of modes) if (!MODES.includes(m)) report(at('modes'), `mode \`${m}\` is not one of ${MODES.join(', ')}`);
  const classification = str('classification', false);
  if (classification && classification !== 'type1' && classification !== 'type2') {
    report(at('classification'), 'classification must be `type1` or `type2`');
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
  if (values) entry.values = values;
  const appliesTo = list('appliesTo');
  if (appliesTo.length) entry.appliesTo = appliesTo;

  const scopeList = (v: unknown, line: number, what: string): string[] | undefined => {
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string')) {
      report(line, `${what} must be a non-empty list of scope names`);
      return undefined;
    }
    const names = v.map((x: string) => x.trim());
    for (const n of names) {
      if (!SCOPE_NAMES.has(n.replace(/^!/, ''))) report(line, `unknown scope \`${n}\` in ${what}: use one of ${[...SCOPE_NAMES].join(', ')}, or !name to exclude one`);
    }
    return names;
  };
  if (data.scopes !== undefined && data.scopes !== null) {
    const scopes = scopeList(data.scopes, at('scopes'), '`scopes`');
    if (scopes) entry.scopes = scopes;
  }
  if (data.aliasScopes !== undefined && data.aliasScopes !== null) {
    const raw = data.aliasScopes;
    if (typeof raw !== 'object' || Array.isArray(raw)) report(at('aliasScopes'), '`aliasScopes` must map aliases to lists of scope names');
    else {
      const known = new Set(entry.aliases.map((a) => cleanAlias(a).toLowerCase()));
      const out: Record<string, string[]> = {};
      for (const [alias, v] of Object.entries(raw as Record<string, unknown>)) {
        const line = lineOfKey(doc.contents, 'aliasScopes', alias, lineOf) ?? at('aliasScopes');
        if (!known.has(cleanAlias(alias).toLowerCase())) report(line, `aliasScopes names \`${alias}\`, which is not one of the aliases`);
        const scopes = scopeList(v, line, `the scopes of \`${alias}\``);
        if (scopes) out[alias] = scopes;
      }
      if (Object.keys(out).length) entry.aliasScopes = out;
    }
  }

  const lower = (xs: string[]) => new Set(xs.map((x) => cleanAlias(x).toLowerCase()));
  const aliasSet = lower(entry.aliases);
  for (const g of entry.generic) if (!aliasSet.has(cleanAlias(g).toLowerCase())) report(at('generic'), `generic \`${g}\` is not one of the aliases`);
  for (const a of entry.ambiguous) if (!aliasSet.has(cleanAlias(a).toLowerCase())) report(at('ambiguous'), `ambiguous \`${a}\` is not one of the aliases`);
  for (const a of entry.aliases) if (aliasForms(a).length === 0) report(at('aliases'), `alias \`${a}\` has no letters or digits`);
  return { entry, lines: fieldLines };
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

/** Compiles all entry files: every reference must resolve; aliases may be shared only on purpose. */
export function compile(files: SourceFile[]): CompileResult {
  const problems: Problem[] = [];
  const parsed: Parsed[] = [];
  const flows: ParsedFlow[] = [];
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (isFlowFile(f.path)) {
      const flow = parseFlow(f, problems);
      if (flow) flows.push(flow);
      continue;
    }
    const p = parseEntry(f, problems);
    if (p) parsed.push(p);
  }
  const byId = new Map<string, Parsed>();
  for (const p of parsed) {
    for (const id of [p.entry.id, ...p.entry.formerIds]) {
      const other = byId.get(id);
      if (other) {
        problems.push({ file: p.entry.file, line: p.lines.get('id') ?? 2, message: `id \`${id}\` is already used by ${other.entry.file}` });
      } else byId.set(id, p);
    }
  }
  for (const p of parsed) {
    const e = p.entry;
    const line = (field: string) => p.lines.get(field) ?? 2;
    const check = (field: string, id: string, kind?: EntryKind) => {
      const target = byId.get(id);
      if (!target) problems.push({ file: e.file, line: line(field), message: `\`${field}\` refers to \`${id}\`, which no entry has` });
      else if (kind && target.entry.kind !== kind) {
        problems.push({ file: e.file, line: line(field), message: `\`${field}\` refers to \`${id}\`, which is a ${target.entry.kind}, not a ${kind}` });
      }
    };
    for (const id of e.related) check('related', id);
    for (const id of e.systems) check('systems', id, 'system');
    for (const id of e.layers) check('layers', id, 'layer');
    for (const c of e.connections) {
      check('connections', c.to);
      if (c.via) check('connections', c.via);
    }
    for (const row of e.stack ?? []) for (const id of row) check('stack', id, 'layer');
    if (e.system) check('system', e.system, 'system');
    if (e.kind === 'layer' && !e.system) problems.push({ file: e.file, line: 2, message: 'a layer needs `system`' });
    if (e.kind === 'system' && !e.classification) problems.push({ file: e.file, line: 2, message: 'a system needs `classification` (type1 or type2)' });
    if (e.kind === 'system' && !e.stack?.length) problems.push({ file: e.file, line: 2, message: 'a system needs `stack`: its layers from hardware up' });
  }
  // a layer listed in a system's stack must name that system
  for (const p of parsed) {
    for (const row of p.entry.stack ?? []) {
      for (const id of row) {
        const layer = byId.get(id)?.entry;
        if (layer && layer.kind === 'layer' && layer.system !== p.entry.id) {
          problems.push({ file: p.entry.file, line: p.lines.get('stack') ?? 2, message: `stack lists \`${id}\`, whose \`system\` is \`${layer.system}\`` });
        }
      }
    }
  }

  // one alias, one entry, unless every entry claiming it says it is ambiguous
  const claims = new Map<string, { p: Parsed; alias: string; ambiguous: boolean }[]>();
  for (const p of parsed) {
    const ambiguous = new Set(p.entry.ambiguous.map((a) => aliasSignature(a)));
    const seen = new Set<string>();
    for (const alias of p.entry.aliases) {
      for (const form of aliasForms(alias)) {
        const sig = form.keys.join('');
        if (seen.has(sig)) continue;
        seen.add(sig);
        const list = claims.get(sig) ?? [];
        list.push({ p, alias, ambiguous: ambiguous.has(aliasSignature(alias)) });
        claims.set(sig, list);
      }
    }
  }
  const reported = new Set<string>();
  for (const list of claims.values()) {
    const owners = new Set(list.map((c) => c.p));
    if (owners.size < 2 || list.every((c) => c.ambiguous)) continue;
    for (const c of list) {
      if (c.ambiguous || reported.has(`${c.p.entry.id}\0${c.alias}`)) continue;
      reported.add(`${c.p.entry.id}\0${c.alias}`);
      const others = list.filter((o) => o.p !== c.p).map((o) => `${o.p.entry.id} (${o.p.entry.file})`);
      problems.push({
        file: c.p.entry.file,
        line: c.p.lines.get('aliases') ?? 2,
        message: `alias \`${c.alias}\` is also claimed by ${others.join(', ')}: remove it, or list it under \`ambiguous\` in every entry that claims it`,
      });
    }
  }
  const entries = parsed.map((p) => p.entry).sort((a, b) => a.id.localeCompare(b.id));
  const kb: KnowledgeBase = { version: 1, entries };
  if (flows.length) kb.flows = checkFlows(new KnowledgeIndex(kb), flows, problems);
  return { kb, problems };
}
