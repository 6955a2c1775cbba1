import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { main } from '../../src/cli';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, unknown> } }[];
  fixes?: { artifactChanges: { replacements: { insertedContent: { text: string } }[] }[] }[];
}

async function cli(args: string[], stdin?: string) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) }, stdin === undefined ? {} : { stdin: () => Buffer.from(stdin) });
  return { code, out, err };
}

const data = join(__dirname, '..', '..', '..', 'test', 'unit', 'data');
const seeds = join(data, 'checks');

function docs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-check-'));
  writeFileSync(join(dir, 'intro.md'), '# Intro\n\nHyper-V is a Type 2 hypervisor.\n\nWe use VMware VirtualBox on laptops.\n\n```\nHyper-V is a Type 2 hypervisor.\n```\n');
  writeFileSync(join(dir, 'kvm.md'), 'KVM is a Type 2 hypervisor.\n');
  writeFileSync(join(dir, 'ok.md'), 'Hyper-V is a Type 1 hypervisor. VirtualBox is a Type 2 hypervisor from Oracle.\n');
  writeFileSync(join(dir, 'tool.ts'), '// ESXi is a type 2 hypervisor\nconst s = "Hyper-V is a Type 2 hypervisor";\n');
  writeFileSync(join(dir, 'data.json'), '{"note": "Hyper-V is a Type 2 hypervisor"}\n');
  return dir;
}

describe('CLI check: the misconception checks for CI', () => {
  it('reports each finding as path:line:col: severity, in docs and code comments, never in code strings, fenced code or unknown kinds of file', async () => {
    const dir = docs();
    const { code, out, err } = await cli(['check', dir]);
    assert.equal(code, 1);
    const lines = out.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => l.replace(dir, 'D').split(': ').slice(0, 2).join(': ')),
      ['D/intro.md:3:1: error', 'D/intro.md:5:8: error', 'D/kvm.md:1:1: info', 'D/tool.ts:1:4: error'],
    );
    assert.match(lines[0], /"Hyper-V is a Type 2 hypervisor": Hyper-V is a Type 1 hypervisor.*\(check\.hyperv-type-2\)$/);
    assert.match(err, /^4 finding\(s\) in 4 file\(s\): 3 error\(s\), 0 warning\(s\), 1 info$/m);
  });

  it('flags the two errors of the seed that has them and nothing in the other seed', async () => {
    const bad = await cli(['check', '--format', 'json', join(seeds, '000_b7a899cf85bb9d98.txt')]);
    assert.equal(bad.code, 1);
    const ids = new Set((JSON.parse(bad.out).findings as { checkId: string }[]).map((f) => f.checkId));
    assert.deepEqual([...ids].sort(), ['check.layer-for-type', 'check.virtualbox-vmware']);
    const good = await cli(['check', join(seeds, '003_0b6670a052bc0e2a.txt')]);
    assert.equal(good.code, 0);
    assert.equal(good.out, '');
  });

  it('exits by --fail-on: warning by default, info counts only when asked, never is always 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-check-'));
    writeFileSync(join(dir, 'kvm.md'), 'KVM is a Type 2 hypervisor.\n');
    assert.equal((await cli(['check', dir])).code, 0, 'an info finding does not fail by default');
    assert.equal((await cli(['check', '--fail-on', 'info', dir])).code, 1);
    writeFileSync(join(dir, 'hv.md'), 'Hyper-V is a Type 2 hypervisor.\n');
    assert.equal((await cli(['check', '--fail-on', 'error', dir])).code, 1);
    assert.equal((await cli(['check', '--fail-on', 'never', dir])).code, 0);
    assert.equal((await cli(['check', '--fail-on', 'sometimes', dir])).code, 2);
    assert.equal((await cli(['check', '--disable', 'hyperv-type-2', '--disable', 'check.kvm-type-2', '--fail-on', 'info', dir])).code, 0);
    const unknown = await cli(['check', '--disable', 'no-such-check', dir]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no check no-such-check/);
    assert.equal((await cli(['check'])).code, 2);
  });

  it('lists the checks', async () => {
    const { code, out } = await cli(['check', '--list', '--json']);
    assert.equal(code, 0);
    const list = JSON.parse(out) as { id: string; severity: string; sources: unknown[] }[];
    assert.ok(list.length >= 15);
    for (const c of list) {
      assert.match(c.id, /^check\.[a-z0-9-]+$/);
      assert.ok(['error', 'warning', 'info'].includes(c.severity));
      assert.ok(c.sources.length > 0);
    }
  });

  it('writes SARIF 2.1.0 that the OASIS schema accepts, with rules, regions in UTF-16 columns and safe fixes', async () => {
    const dir = docs();
    const { code, out } = await cli(['check', '--format', 'sarif', dir]);
    assert.equal(code, 1);
    const log = JSON.parse(out) as { runs: { columnKind: string; tool: { driver: { rules: { id: string }[] } }; results: SarifResult[] }[] };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(data, 'sarif-schema-2.1.0.json'), 'utf8')));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.ok(run.tool.driver.rules.length >= 15);
    assert.equal(run.results.length, 4);
    for (const r of run.results) {
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(r.level));
    }
    const vbox = run.results.find((r) => r.ruleId === 'check.virtualbox-vmware')!;
    assert.deepEqual(vbox.locations[0].physicalLocation.region, { startLine: 5, startColumn: 8, endLine: 5, endColumn: 25, snippet: { text: 'VMware VirtualBox' } });
    assert.equal(vbox.fixes![0].artifactChanges[0].replacements[0].insertedContent.text, 'Oracle VirtualBox');
    // relative to the working directory when inside it, file: URIs otherwise
    const loc = vbox.locations[0].physicalLocation.artifactLocation;
    const rel = relative(process.cwd(), join(dir, 'intro.md'));
    if (rel.startsWith('..')) assert.match(loc.uri, /^file:\/\/\/.*intro\.md$/);
    else assert.deepEqual(loc, { uri: rel, uriBaseId: '%SRCROOT%' });
  });

  it('prints GitHub workflow annotations, escaped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-check-'));
    writeFileSync(join(dir, 'a,b:c.md'), 'Hyper-V is a Type 2 hypervisor.\n');
    const { out } = await cli(['check', '--format', 'github', dir]);
    const line = out.trim();
    assert.match(line, /^::error file=.*a%2Cb%3Ac\.md,line=1,col=1,endLine=1,endColumn=31,title=check\.hyperv-type-2%3A "Hyper-V is a Type 2 hypervisor"::Hyper-V is a Type 1 hypervisor/);
    assert.equal(line.split('\n').length, 1);
  });

  it('streams JSON and NDJSON with the same findings', async () => {
    const dir = docs();
    const json = JSON.parse((await cli(['check', '--json', dir])).out);
    const nd = (await cli(['check', '--format', 'ndjson', dir])).out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(json.files, 5 - 1, 'data.json is not a kind the checks read');
    assert.deepEqual(json.findings, nd);
    for (const f of nd) {
      assert.deepEqual(Object.keys(f).slice(0, 4), ['path', 'checkId', 'severity', 'message']);
      assert.ok(f.sources.every((s: { url: string }) => s.url.startsWith('https://')));
    }
  });

  it('reads standard input for -, as prose', async () => {
    const { code, out } = await cli(['check', '-'], 'Notes.\n\nVMware VirtualBox is handy.\n');
    assert.equal(code, 1);
    assert.match(out, /^-:3:1: error: "VMware VirtualBox"/);
  });

  it('validates the team glossary (.atlas/ of a folder checked, or --glossary): its problems are errors with file:line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-check-'));
    mkdirSync(join(dir, '.atlas'));
    writeFileSync(join(dir, '.atlas', 'broken.md'), '---\nid: team.broken\ntitle: Broken\n---\nNo kind, no summary, no source.\n');
    writeFileSync(join(dir, 'notes.md'), 'Nothing wrong here.\n');
    const { code, out } = await cli(['check', dir]);
    assert.equal(code, 1);
    assert.match(out, /\.atlas\/broken\.md:2:1: error: missing required field `kind` \(glossary\)/);
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', dir])).out) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[] };
    const run = sarif.runs[0];
    assert.ok(run.results.length > 0);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, 'glossary');
    const samples = join(__dirname, '..', '..', '..', 'samples');
    assert.equal((await cli(['check', samples])).code, 0, 'the sample glossary is valid and the samples say nothing wrong');
  });
});
