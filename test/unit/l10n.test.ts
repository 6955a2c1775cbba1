import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
  // the webview scripts: words they write into the page
  /textContent = ['"`][A-Z]/,
  /setAttribute\('(aria-label|title)', ['"`][A-Z]/,
  /\.append\(\s*['"`][A-Z]/,
  /\? ['"`][A-Z][a-z]+['"`] : ['"`][A-Z]/,
];

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

  it('l10n/bundle.l10n.json holds exactly the strings the code asks for (npm run l10n)', () => {
    const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const used = new Set<string>();
    for (const f of files(join(root, 'src'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/vscode\.l10n\.t\(\s*'((?:\\.|[^'\\])*)'/g)) used.add(m[1].replace(/\\(.)/g, '$1'));
    }
    assert.ok(used.size >= 50, `${used.size} strings`);
    assert.deepEqual([...used].filter((s) => !(s in bundle)).sort(), [], 'missing from the bundle: run npm run l10n');
    assert.deepEqual(Object.keys(bundle).filter((s) => !used.has(s)).sort(), [], 'stale in the bundle: run npm run l10n');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(manifest.l10n, './l10n');
  });
});
