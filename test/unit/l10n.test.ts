import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { scanMessages } from '../../build/l10n';
import { STACKS } from '../../src/core/diagram/compare';
import { COMMON_WORDS } from '../../src/core/glossary/alias-rules';

const root = join(__dirname, '..', '..', '..');
const features = join(root, 'src', 'features');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Places where a string reaches the user: messages, pickers, tree items, code actions. */
const UI_LITERAL = [
  /show(Information|Warning|Error)Message\(\s*['"`]/,
  /setStatusBarMessage\(\s*['"`]/,
  /\b(title|placeHolder|placeholder|prompt|tooltip|label|detail)\s*[:=]\s*['"`][A-Z]/,
  /new vscode\.(CodeAction|TreeItem)\(\s*['"`]/,
  /validateInput:.*\?\s*undefined\s*:\s*['"`]/,
  // a problem for the Problems panel (workspace glossaries)
  /\bmessage\s*:\s*['"`][A-Za-z]/,
  // the webview scripts: words they write into the page
  /textContent = ['"`][A-Z]/,
  /setAttribute\('(aria-label|title)', ['"`][A-Z]/,
  /\.append\(\s*['"`][A-Z]/,
  /\? ['"`][A-Z][a-z]+['"`] : ['"`][A-Z]/,
  // HTML the extension writes for a webview: `<button …>Reveal in Atlas</button>`
  />[A-Z][a-z]+[^<>{}$]*<\//,
  />[A-Z][a-z]+ [^<>]*</,
];

/**
 * Pure modules that build what the editor shows (cards, the tree, In This File, the drawing
 * of a system, the Type 1 / Type 2 comparison and the outline beside a drawing, a check's
 * message): their words go through `messages()` and the Translate a feature passes. The
 * webview's own scripts write only words the extension sends (DiagramStrings).
 */
const PURE_BUILDERS = [
  'src/core/render/card.ts',
  'src/core/render/words.ts',
  'src/core/tree/model.ts',
  'src/core/checks/message.ts',
  'src/core/diagram/model.ts',
  'src/core/diagram/layout.ts',
  'src/core/diagram/compare.ts',
  'src/core/diagram/outline.ts',
  'src/features/in-file/arrange.ts',
  'src/features/in-file/scan.ts',
  'src/features/diagram/data.ts',
  ...files(join(root, 'src', 'webview')).map((f) => f.slice(root.length + 1).replace(/\\/g, '/')),
];

/**
 * Literals of those modules that are no words of theirs: the comparison's stacks name the
 * sections of its content entry (English, like all content), and CSS classes in a list.
 */
const NOT_WORDS = new Map<string, ReadonlySet<string>>([
  ['src/core/diagram/compare.ts', new Set(STACKS.map((s) => s.section))],
  ['src/webview/diagram/render.ts', new Set(['arrow active'])],
]);

/**
 * Modules whose problems and errors the user reads (a workspace glossary's problems in the
 * Problems panel, the CLI's usage errors): `problems.push(…)` and `new UsageError(…)` count.
 */
const USER_PROBLEMS = [...files(join(root, 'src', 'core', 'glossary')), ...files(join(root, 'src', 'cli'))].map((f) => f.slice(root.length + 1).replace(/\\/g, '/'));

/** A literal of the list of common words (alias-rules.ts): data, not words shown. */
const isWordList = (f: string, text: string) => f.endsWith('alias-rules.ts') && text.trim().split(' ').every((w) => COMMON_WORDS.has(w));

/** Words in a literal: two words in a row (`match(es) in` too), or a capitalized word, once HTML tags and codicons are out. */
const PROSE = /[A-Za-z]{2,}[ ,;:)]+[A-Za-z]{2,}|\b[A-Z][a-z]{2,}/;

describe('UI strings are localizable (vscode.l10n.t, l10n/bundle.l10n.json)', () => {
  it('no string literal reaches the user without vscode.l10n.t in src/features and src/webview', () => {
    const offenders: string[] = [];
    for (const f of [...files(features), ...files(join(root, 'src', 'webview'))]) {
      readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        // a literal given straight to l10n.t is fine
        const bare = line.replace(/vscode\.l10n\.t\(\s*(['"`])(?:\\.|(?!\1).)*\1/g, 'L10N');
        if (UI_LITERAL.some((re) => re.test(bare))) offenders.push(`${f.slice(root.length + 1)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offenders, []);
  });

  it('the pure modules that build editor text keep no words outside messages()', () => {
    const offenders: string[] = [];
    for (const f of [...PURE_BUILDERS, ...USER_PROBLEMS]) {
      const { others } = scanMessages(f, readFileSync(join(root, f), 'utf8'), { strict: USER_PROBLEMS.includes(f) });
      for (const o of others) {
        if (NOT_WORDS.get(f)?.has(o.text) || isWordList(f, o.text)) continue;
        // a template piece may hold part of a tag: `<li><span class="dir" aria-label="`
        const text = o.text.replace(/<[^>]*(?:>|$)/g, ' ').replace(/^[^<>]*>/, ' ').replace(/\$\([a-z-]+\)/g, ' ');
        if (PROSE.test(text)) offenders.push(`${f}:${o.line}: ${JSON.stringify(o.text)}`);
      }
    }
    assert.deepEqual(offenders, []);
    // and the check sees what it should: a sentence outside a catalog, not one inside
    const probe = scanMessages(
      'probe.ts',
      "const w = messages({ a: 'Inside a catalog' });\nconst x = `Outside ${y} one`;\nthrow new Error('For developers');\n" +
        "if (ev.key === 'ArrowLeft') el.className = ok ? 'Big box' : 'Small';\nswitch (k) { case 'Home': say(k ? 'Shown here' : 'And here'); }\nel('g', { class: 'node extra', title: 'Shown too' });",
    );
    assert.deepEqual(probe.catalog, ['Inside a catalog']);
    assert.deepEqual(probe.others.filter((o) => PROSE.test(o.text)).map((o) => o.text), ['Outside ', 'Shown here', 'And here', 'Shown too']);
    const problems = "problems.push({ message: `For the user ${x}` });\nthrow new UsageError('For the user too');\nthrow new Error('An internal fault');";
    assert.deepEqual(scanMessages('probe.ts', problems).others, []);
    assert.deepEqual(scanMessages('probe.ts', problems, { strict: true }).others.map((o) => o.text), ['For the user ', '', 'For the user too']);
    assert.ok(USER_PROBLEMS.includes('src/core/glossary/entry.ts') && USER_PROBLEMS.includes('src/cli/index.ts'));
  });

  it('l10n/bundle.l10n.json holds exactly the strings the code asks for (npm run l10n)', () => {
    const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const used = new Set<string>();
    const computed: string[] = [];
    let catalogued = 0;
    for (const f of files(join(root, 'src'))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/vscode\.l10n\.t\(\s*'((?:\\.|[^'\\])*)'/g)) used.add(m[1].replace(/\\(.)/g, '$1'));
      // pure modules: the literals of their messages({ … }) catalogs (scripts/l10n-core.mjs)
      const scanned = scanMessages(f, text);
      for (const s of scanned.catalog) used.add(s);
      catalogued += scanned.catalog.length;
      computed.push(...scanned.computed.map((c) => `${f.slice(root.length + 1)}:${c.line}: ${c.text}`));
    }
    assert.deepEqual(computed, [], 'messages() takes string literals only');
    assert.ok(catalogued >= 100, `${catalogued} catalogued strings`);
    assert.ok(used.size >= 150, `${used.size} strings`);
    assert.deepEqual([...used].filter((s) => !(s in bundle)).sort(), [], 'missing from the bundle: run npm run l10n');
    assert.deepEqual(Object.keys(bundle).filter((s) => !used.has(s)).sort(), [], 'stale in the bundle: run npm run l10n');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(manifest.l10n, './l10n');
  });
});
