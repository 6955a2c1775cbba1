/**
 * Guided flows (content/flows/<system>/<id>.md): parsed here, then checked against the
 * diagram model of their system, so a flow never walks an edge the drawing does not have.
 */
import { isSeq, type Node as YamlNode } from 'yaml';
import { readFrontMatter } from '../src/core/glossary/yaml';
import { resolveFlow } from '../src/core/diagram/flows';
import { buildModel } from '../src/core/diagram/model';
import type { KnowledgeIndex } from '../src/core/knowledge/index';
import type { Flow, FlowStep, Source } from '../src/core/knowledge/types';
import type { Problem, SourceFile } from './content';

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const FIELDS = ['id', 'title', 'summary', 'system', 'steps', 'sources'];
const STEP_FIELDS = ['boxes', 'edge', 'text', 'entry', 'source'];

export interface ParsedFlow {
  flow: Flow;
  /** line of each step, and of the top-level fields */
  stepLines: number[];
  lines: Map<string, number>;
}

export function isFlowFile(path: string): boolean {
  return /^content\/flows\//.test(path);
}

/** Parses one flow file; problems are pushed, undefined when it is unusable. */
export function parseFlow(file: SourceFile, problems: Problem[]): ParsedFlow | undefined {
  const report = (line: number, message: string) => problems.push({ file: file.path, line, message });
  const lines = file.text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    report(1, 'front matter missing: the file must start with a line `---`');
    return undefined;
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) {
    report(1, 'front matter not closed: add a line `---` after the fields');
    return undefined;
  }
  const fm = readFrontMatter(lines.slice(1, close).join('\n'), report, (key) => (FIELDS.includes(key) ? undefined : `unknown field \`${key}\` in a flow (fields: ${FIELDS.join(', ')})`));
  if (!fm) return undefined;
  const { doc, map, fieldLines } = fm;
  const lineOf = (node: unknown) => {
    const off = (node as YamlNode | null | undefined)?.range?.[0];
    return off === undefined ? 2 : fm.lineOf(off);
  };
  const at = (f: string) => fieldLines.get(f) ?? 2;
  const data = doc.toJS() as Record<string, unknown>;
  const text = (f: string): string | undefined => {
    const v = data[f];
    if (typeof v !== 'string' || !v.trim()) {
      report(at(f), v === undefined ? `missing required field \`${f}\`` : `\`${f}\` must be text`);
      return undefined;
    }
    return v.trim();
  };
  const id = text('id');
  const title = text('title');
  const summary = text('summary');
  const system = text('system');
  if (id && !ID.test(id)) report(at('id'), `id \`${id}\` must be lower case words joined by \`.\` or \`-\``);
  if (system && !file.path.startsWith(`content/flows/${system}/`)) report(at('system'), `a flow of \`${system}\` belongs in content/flows/${system}/`);

  const sources: Source[] = [];
  if (!Array.isArray(data.sources) || data.sources.length === 0) report(at('sources'), 'a flow needs `sources`: the public primary sources its steps cite, `{ title, url }`');
  else
    for (const s of data.sources as unknown[]) {
      const src = s as Partial<Source> | null;
      if (!src || typeof src.title !== 'string' || typeof src.url !== 'string' || Object.keys(src).some((k) => k !== 'title' && k !== 'url')) {
        report(at('sources'), 'each source needs exactly a `title` and a `url`');
      } else if (!/^https:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(src.url)) report(at('sources'), `source url \`${src.url}\` must be an https:// address`);
      else sources.push({ title: src.title.trim(), url: src.url.trim() });
    }

  const steps: FlowStep[] = [];
  const stepLines: number[] = [];
  const seq = map.get('steps', true);
  if (!Array.isArray(data.steps) || data.steps.length < 2) report(at('steps'), 'a flow needs `steps`: at least two `{ boxes, text, source }`');
  else
    (data.steps as unknown[]).forEach((raw, i) => {
      const line = isSeq(seq) ? lineOf(seq.items[i]) : at('steps');
      const s = raw as Record<string, unknown> | null;
      if (!s || typeof s !== 'object' || Array.isArray(s)) return report(line, 'each step is `{ boxes, text, source }`');
      const extra = Object.keys(s).filter((k) => !STEP_FIELDS.includes(k));
      if (extra.length) return report(line, `step has unknown field(s) ${extra.map((k) => `\`${k}\``).join(', ')} (fields: ${STEP_FIELDS.join(', ')})`);
      const boxes = s.boxes;
      if (!Array.isArray(boxes) || boxes.length === 0 || boxes.some((b) => typeof b !== 'string' || !ID.test(b))) {
        return report(line, '`boxes` must be a list of one or more entry ids');
      }
      if (typeof s.text !== 'string' || !s.text.trim()) return report(line, 'a step needs `text`: one or two sentences on what happens');
      const sentences = s.text.trim().split(/(?<=[.!?])\s+(?=[A-Z`])/).length;
      if (sentences > 2) report(line, `step text has ${sentences} sentences; keep it to one or two`);
      if (s.edge !== undefined && typeof s.edge !== 'string') return report(line, '`edge` must be the label of the connection between the boxes');
      if (s.entry !== undefined && (typeof s.entry !== 'string' || !ID.test(s.entry))) return report(line, '`entry` must be an entry id');
      const source = typeof s.source === 'string' ? sources.find((x) => x.url === s.source) : undefined;
      if (!source) return report(line, `a step needs \`source\`: the url of one of the flow's \`sources\`${typeof s.source === 'string' ? ` (\`${s.source}\` is not one)` : ''}`);
      steps.push({
        boxes: boxes as string[],
        ...(typeof s.edge === 'string' ? { edge: s.edge } : {}),
        text: s.text.trim(),
        entry: typeof s.entry === 'string' ? s.entry : (boxes[boxes.length - 1] as string),
        source,
      });
      stepLines.push(line);
    });
  if (!id || !title || !summary || !system || steps.length !== (Array.isArray(data.steps) ? data.steps.length : -1)) return undefined;
  return { flow: { id, title, summary, system, steps, sources, file: file.path }, stepLines, lines: fieldLines };
}

/**
 * Checks flows against the knowledge base: the system exists and is drawn, every box and linked
 * entry exists, and `resolveFlow` finds every step's boxes joined by edges of the diagram model.
 * Returns the flows that pass, ordered by system and title.
 */
export function checkFlows(kb: KnowledgeIndex, flows: ParsedFlow[], problems: Problem[]): Flow[] {
  const ok: Flow[] = [];
  const ids = new Map<string, string>();
  const perSystem = new Map<string, { nodes: { id: string; entryId: string; layerKey: string }[]; edges: { id: string; from: string; to: string; label: string }[] } | undefined>();
  for (const p of flows) {
    const f = p.flow;
    const before = problems.length;
    const report = (line: number, message: string) => problems.push({ file: f.file, line, message });
    if (ids.has(f.id)) report(p.lines.get('id') ?? 2, `flow id \`${f.id}\` is already used by ${ids.get(f.id)}`);
    ids.set(f.id, f.file);
    const system = kb.get(f.system);
    if (!system || system.kind !== 'system' || !system.stack?.length) {
      report(p.lines.get('system') ?? 2, `\`system\` refers to \`${f.system}\`, which is not a system with a diagram`);
      continue;
    }
    f.steps.forEach((s, i) => {
      for (const b of new Set([...s.boxes, s.entry])) if (!kb.get(b)) report(p.stepLines[i]!, `step refers to \`${b}\`, which no entry has`);
    });
    if (problems.length > before) continue;
    if (!perSystem.has(f.system)) {
      try {
        perSystem.set(f.system, buildModel(kb, f.system));
      } catch {
        perSystem.set(f.system, undefined);
      }
    }
    const model = perSystem.get(f.system);
    if (!model) continue;
    const resolved = resolveFlow(f, model);
    for (const problem of resolved.problems) {
      const step = /step (\d+)/.exec(problem);
      report(step ? p.stepLines[Number(step[1]) - 1]! : 2, problem);
    }
    if (problems.length === before) ok.push(f);
  }
  return ok.sort((a, b) => a.system.localeCompare(b.system) || a.title.localeCompare(b.title));
}
