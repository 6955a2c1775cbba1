/**
 * Grammar tests for the VMware VMX and Xen xl.cfg languages, with vscode-tmgrammar-test:
 *   - assertion cases: test/unit/grammar/cases/* (the tool's `# SYNTAX TEST` format; the same
 *     files run with `npx vscode-tmgrammar-test "test/unit/grammar/cases/*"`);
 *   - snapshots of every sample file the languages claim (samples/vmware/*.vmx, samples/xen/...),
 *     kept in test/unit/grammar/snapshots/ so samples/ stays clean. A missing snapshot is
 *     written; set UPDATE_SNAPSHOTS=1 to rewrite them after an intended grammar change.
 * The grammars are read through package.json's `contributes.grammars`, so the wiring is tested too.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

const ROOT = findRoot(__dirname);
const CASES = join(ROOT, 'test', 'unit', 'grammar', 'cases');
const SNAPSHOTS = join(ROOT, 'test', 'unit', 'grammar', 'snapshots');
const SAMPLES = join(ROOT, 'samples');

// Loaded at run time from node_modules, not bundled: the tool reads oniguruma's .wasm beside it.
const requireFromRoot = createRequire(join(ROOT, 'package.json'));
interface GrammarConfig {
  language?: string;
  scopeName: string;
  path: string;
}
interface AnnotatedLine {
  src: string;
  tokens: unknown[];
}
interface TestFailure {
  missing: string[];
  unexpected: string[];
  actual: string[];
  line: number;
  srcLine: number;
  start: number;
  end: number;
}
const common = requireFromRoot('vscode-tmgrammar-test/dist/common/index') as { createRegistry(gs: GrammarConfig[]): unknown };
const snapshot = requireFromRoot('vscode-tmgrammar-test/dist/snapshot/index') as {
  getVSCodeTokens(registry: unknown, scope: string, source: string): Promise<AnnotatedLine[]>;
  renderSnap(lines: AnnotatedLine[]): string;
};
const unit = requireFromRoot('vscode-tmgrammar-test/dist/unit/index') as {
  parseGrammarTestCase(text: string): { metadata: { scope: string } };
  runGrammarTestCase(registry: unknown, testCase: unknown): Promise<TestFailure[]>;
};

interface LanguageContribution {
  id: string;
  extensions?: string[];
  filenames?: string[];
  filenamePatterns?: string[];
  firstLine?: string;
  configuration?: string;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { languages: LanguageContribution[]; grammars: GrammarConfig[] };
};
const OUR_LANGUAGES = ['vmware-vmx', 'xen-xl'];
const grammars = pkg.contributes.grammars
  .filter((g) => g.language && OUR_LANGUAGES.includes(g.language))
  .map((g) => ({ ...g, path: join(ROOT, g.path) }));
const registry = common.createRegistry(grammars);

/** The language package.json gives a path, the way VS Code decides: name, then pattern, then extension. */
function languageOf(path: string): string | undefined {
  const lower = path.toLowerCase();
  const name = basename(lower);
  const langs = pkg.contributes.languages;
  for (const l of langs) if (l.filenames?.some((f) => f.toLowerCase() === name)) return l.id;
  for (const l of langs) if (l.filenamePatterns?.some((p) => picomatch.isMatch(lower, p.toLowerCase(), { dot: true }))) return l.id;
  let best: { id: string; ext: string } | undefined;
  for (const l of langs) for (const e of l.extensions ?? []) if (name.endsWith(e.toLowerCase()) && (!best || e.length > best.ext.length)) best = { id: l.id, ext: e };
  return best?.id;
}

function scopeOf(language: string): string {
  const g = grammars.find((x) => x.language === language);
  assert.ok(g, `no grammar for ${language}`);
  return g.scopeName;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

describe('grammars: contributions', () => {
  it('every language of ours has an existing grammar and language configuration', () => {
    for (const id of OUR_LANGUAGES) {
      const lang = pkg.contributes.languages.find((l) => l.id === id);
      assert.ok(lang, `package.json contributes no language ${id}`);
      assert.ok(lang.configuration && existsSync(join(ROOT, lang.configuration)), `${id}: language configuration missing`);
      const config = JSON.parse(readFileSync(join(ROOT, lang.configuration), 'utf8'));
      assert.equal(config.comments?.lineComment, '#', `${id}: # comments toggle`);
      assert.ok(Array.isArray(config.brackets) && config.brackets.length > 0, `${id}: brackets`);
      const g = grammars.find((x) => x.language === id);
      assert.ok(g && existsSync(g.path), `${id}: grammar file missing`);
      assert.equal(JSON.parse(readFileSync(g.path, 'utf8')).scopeName, g.scopeName, `${id}: scopeName differs between package.json and the grammar`);
    }
  });

  it('files are claimed by the right language, and ordinary .cfg files are not', () => {
    const cases: [string, string | undefined][] = [
      ['/vms/ubuntu-server.vmx', 'vmware-vmx'],
      ['/vmfs/volumes/ds1/tmpl/tmpl.vmtx', 'vmware-vmx'],
      ['/vms/ubuntu-server.vmxf', 'xml'],
      ['/home/me/VirtualBox VMs/lab/lab.vbox', 'xml'],
      ['/home/me/VirtualBox VMs/lab/lab.vbox-prev', 'xml'],
      ['/etc/xen/web01.cfg', 'xen-xl'],
      ['/etc/xen/auto/web01.cfg', 'xen-xl'],
      ['/etc/xen/auto/web01', 'xen-xl'],
      ['/etc/xen/xl.conf', 'xen-xl'],
      ['/etc/xen/xlexample.pvlinux', 'xen-xl'],
      ['/repo/infra/xen/guests/db.cfg', 'xen-xl'],
      ['/repo/samples/xen/web01.cfg', 'xen-xl'],
      ['/srv/iso/win10.hvm', 'xen-xl'],
      ['/srv/guests/alpine.pvh', 'xen-xl'],
      ['/repo/setup.cfg', undefined],
      ['/repo/tox.cfg', undefined],
      ['/etc/xenial/app.cfg', undefined],
    ];
    for (const [path, expected] of cases) assert.equal(languageOf(path), expected, path);
  });

  it('the xl firstLine recognises xl configs without a known path, and leaves other files alone', () => {
    const lang = pkg.contributes.languages.find((l) => l.id === 'xen-xl')!;
    const re = new RegExp(lang.firstLine!);
    for (const yes of ['# xl domain configuration for web01', '# Xen HVM guest', 'builder = "hvm"', "type='pvh'", '# vim: set ft=xl:']) assert.ok(re.test(yes), yes);
    for (const no of ['[section]', 'name = web01', '# Xenial packages', '#!/bin/sh', 'type = "module"', '# xlsx export']) assert.ok(!re.test(no), no);
    const vmx = new RegExp(pkg.contributes.languages.find((l) => l.id === 'vmware-vmx')!.firstLine!);
    assert.ok(vmx.test('#!/usr/bin/vmware'));
    assert.ok(!vmx.test('#!/usr/bin/env bash'));
  });
});

describe('grammars: assertion cases (vscode-tmgrammar-test)', () => {
  const files = walk(CASES).filter((f) => /\.test\.[a-z]+$/.test(f)).sort();
  it('has cases for both languages', () => {
    const scopes = new Set(files.map((f) => unit.parseGrammarTestCase(readFileSync(f, 'utf8')).metadata.scope));
    assert.deepEqual([...scopes].sort(), grammars.map((g) => g.scopeName).sort());
  });
  for (const file of files) {
    it(relative(ROOT, file).split(sep).join('/'), async () => {
      const text = readFileSync(file, 'utf8');
      const failures = await unit.runGrammarTestCase(registry, unit.parseGrammarTestCase(text));
      const lines = text.split(/\r?\n/);
      const report = failures.map(
        (f) =>
          `line ${f.srcLine + 1}, columns ${f.start}-${f.end}: ${lines[f.srcLine]?.slice(f.start, f.end) ?? ''}\n` +
          `  missing: ${f.missing.join(' ')}${f.unexpected.length ? `\n  unexpected: ${f.unexpected.join(' ')}` : ''}\n  actual: ${f.actual.join(' ')}`,
      );
      assert.equal(report.length, 0, `\n${report.join('\n')}`);
    });
  }
});

describe('grammars: snapshots of the samples', () => {
  const samples = walk(SAMPLES)
    .filter((f) => !f.endsWith('.snap'))
    .map((f) => ({ file: f, rel: relative(SAMPLES, f).split(sep).join('/'), language: languageOf(resolve(f)) }))
    .filter((s): s is { file: string; rel: string; language: string } => !!s.language && OUR_LANGUAGES.includes(s.language))
    .sort((a, b) => a.rel.localeCompare(b.rel));

  it('covers a .vmx sample and an xl sample', () => {
    assert.ok(samples.some((s) => s.language === 'vmware-vmx'), 'no .vmx sample under samples/');
    assert.ok(samples.some((s) => s.language === 'xen-xl'), 'no xl sample under samples/');
  });

  for (const s of samples) {
    it(`samples/${s.rel}`, async () => {
      const tokens = await snapshot.getVSCodeTokens(registry, scopeOf(s.language), readFileSync(s.file, 'utf8'));
      const actual = snapshot.renderSnap(tokens);
      const snapFile = join(SNAPSHOTS, `${s.rel.replace(/\//g, '__')}.snap`);
      if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(snapFile)) {
        mkdirSync(dirname(snapFile), { recursive: true });
        writeFileSync(snapFile, actual);
        return;
      }
      const expected = readFileSync(snapFile, 'utf8').replace(/\r\n/g, '\n');
      if (expected !== actual) {
        const a = actual.split('\n');
        const e = expected.split('\n');
        const at = a.findIndex((line, i) => line !== e[i]);
        assert.fail(
          `grammar output for samples/${s.rel} differs from ${relative(ROOT, snapFile)} at snapshot line ${at + 1}:\n` +
            `  expected: ${e[at]}\n  actual:   ${a[at]}\n` +
            'Run UPDATE_SNAPSHOTS=1 npm run test:unit if the change is intended.',
        );
      }
    });
  }
});

describe('grammars: tokens on the samples', () => {
  it('scopes the dotted key parts and the values of ubuntu-server.vmx', async () => {
    const file = join(SAMPLES, 'vmware', 'ubuntu-server.vmx');
    if (!existsSync(file)) return;
    const text = snapshot.renderSnap(await snapshot.getVSCodeTokens(registry, 'source.vmx', readFileSync(file, 'utf8')));
    assert.match(text, /ethernet0\.virtualDev = "vmxnet3"\n#\s*\^+ source\.vmx meta\.mapping\.key\.vmx support\.type\.property-name\.vmx/);
    assert.match(text, /\^ source\.vmx meta\.mapping\.key\.vmx punctuation\.separator\.dot\.vmx/);
    assert.match(text, /source\.vmx meta\.mapping\.value\.vmx string\.quoted\.double\.vmx constant\.language\.boolean\.vmx/);
  });
});

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'syntaxes'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

