import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { decodeEntryFile } from '../../src/core/glossary/decode';
import { formatProblem, type SourceFile } from '../../src/core/glossary/entry';
import { LIMITS } from '../../src/core/glossary/limits';
import { checkGlossaryFiles, compileGlossary, mergeGlossary } from '../../src/core/glossary/workspace';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { cardCommands, cardMarkdown } from '../../src/core/render/card';

const SRC = 'sources:\n  - { title: Team wiki, url: "https://wiki.example.com/lab" }';
const file = (path: string, fields: string, body = 'Key facts.'): SourceFile => ({ path, text: `---\n${fields}\n---\n${body}\n` });
const term = (path: string, id: string, extra = '', body?: string) =>
  file(path, `id: ${id}\ntitle: Lab cluster\nkind: concept\nsummary: The lab's cluster.\n${extra}${extra && !extra.endsWith('\n') ? '\n' : ''}${SRC}`, body);
const base = () => bundledKnowledge();
const problems = (...files: SourceFile[]) => checkGlossaryFiles(base(), files).map(formatProblem);

describe('workspace glossary: rules shared with the content build', () => {
  it('compiles a new term and merges it beside the bundled entries', () => {
    const g = compileGlossary(base(), [term('.atlas/lab.md', 'lab.orion', 'aliases: [orion-cluster]')]);
    assert.deepEqual(g.problems, []);
    const kb = mergeGlossary(base(), g);
    const e = kb.get('lab.orion')!;
    assert.equal(e.workspace, true);
    assert.equal(e.file, '.atlas/lab.md');
    assert.equal(kb.matcher.matchAt('join orion-cluster now', 7)?.id, 'lab.orion');
    assert.ok(kb.get('hyperv.vmms'), 'bundled entries stay');
  });

  it('reports a dangling reference at its line, with a suggestion', () => {
    assert.deepEqual(problems(term('.atlas/a.md', 'lab.a', 'related: [hyperv.vmmz]')), [
      '.atlas/a.md:6: `related` refers to `hyperv.vmmz`, which no entry has; did you mean `hyperv.vmms`?',
    ]);
  });

  it('reports a missing summary, an unknown field, a summary too long and bad YAML', () => {
    assert.deepEqual(problems(file('.atlas/a.md', `id: lab.a\ntitle: A\nkind: concept\n${SRC}`)), ['.atlas/a.md:2: missing required field `summary`']);
    assert.deepEqual(problems(term('.atlas/a.md', 'lab.a', 'colour: red')), ['.atlas/a.md:6: unknown field `colour`']);
    const long = file('.atlas/a.md', `id: lab.a\ntitle: A\nkind: concept\nsummary: ${'x'.repeat(300)}.\n${SRC}`);
    assert.match(problems(long)[0], /^\.atlas\/a\.md:5: summary is 301 characters/);
    const bad = file('.atlas/a.md', `id: lab.a\ntitle: [A\nkind: concept\n${SRC}`);
    assert.match(problems(bad)[0], /^\.atlas\/a\.md:\d+: malformed front matter/);
  });

  it("says what is wrong with bad YAML in the project's own (translatable) words, at its line and column", () => {
    assert.deepEqual(problems(file('.atlas/a.md', `id: lab.a\ntitle: A\ntitle: B\nkind: concept\nsummary: A.\n${SRC}`)), ['.atlas/a.md:4: malformed front matter: a field is given twice (column 1)']);
    assert.deepEqual(problems(file('.atlas/a.md', `id: lab.a\ntitle: "A\nkind: concept\n${SRC}`)).slice(0, 1), ['.atlas/a.md:3: malformed front matter: a closing quote, bracket or brace, or a separator, is missing (column 10)']);
    const tab = problems(file('.atlas/a.md', `id: lab.a\naliases:\n\t- a\n${SRC}`));
    assert.ok(tab.some((m) => /malformed front matter: (a tab is used to indent|the indentation is wrong)/.test(m)), tab.join('\n'));
    // anchors that explode (40 aliases, 10^4 values): stopped as they expand, with the reason
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcd'.split('').map((c, k) => `${c}: &${c} [${Array(10).fill(`*${'abc'[k]}`).join(', ')}]`), `aliases: [${Array(10).fill('*d').join(', ')}]`].join('\n');
    const boom = problems(file('.atlas/a.md', `id: lab.a\n${laughs}`));
    assert.ok(boom.some((m) => /^\.atlas\/a\.md:\d+: malformed front matter: its YAML aliases expand into too much data$/.test(m)), boom.join('\n'));
  });

  it('reports a duplicate alias between two workspace files', () => {
    const p = problems(term('.atlas/a.md', 'lab.a', 'aliases: [orion-cluster]'), term('.atlas/b.md', 'lab.b', 'aliases: [orion-cluster]'));
    assert.equal(p.length, 2);
    assert.match(p[0], /\.atlas\/a\.md:6: alias `orion-cluster` is also claimed by lab\.b \(\.atlas\/b\.md\)/);
  });

  it('names both entries when a workspace entry clashes with a bundled one', () => {
    const byId = problems(term('.atlas/a.md', 'hyperv.vmms'));
    assert.equal(byId.length, 1);
    assert.match(byId[0], /^\.atlas\/a\.md:2: id `hyperv\.vmms` is already used by the bundled entry hyperv\.vmms \(content\/hyper-v\/[^)]+\.md\)/);
    const byAlias = problems(term('.atlas/a.md', 'lab.a', 'aliases: [VMMS]'));
    assert.equal(byAlias.length, 1);
    assert.match(byAlias[0], /alias `VMMS` of lab\.a \(\.atlas\/a\.md\) is also claimed by hyperv\.vmms \(bundled, content\//);
  });

  it('leaves a broken file out whole, and keeps the rest of the glossary', () => {
    const g = compileGlossary(base(), [term('.atlas/good.md', 'lab.good', 'aliases: [orion-cluster]'), term('.atlas/bad.md', 'lab.bad', 'aliases: [VMMS]')]);
    const kb = mergeGlossary(base(), g);
    assert.ok(kb.get('lab.good'));
    assert.equal(kb.get('lab.bad'), undefined);
    assert.equal(kb.matcher.lookupTerm('VMMS')?.id, 'hyperv.vmms');
  });

  it('extends a bundled entry with aliases and a note', () => {
    const ext = file('.atlas/vmms.md', 'extends: hyperv.vmms\naliases: [mgmt-svc-hv]', 'We restart it with our runbook RB-12.');
    const g = compileGlossary(base(), [ext]);
    assert.deepEqual(g.problems, []);
    const kb = mergeGlossary(base(), g);
    const e = kb.get('hyperv.vmms')!;
    assert.ok(e.aliases.includes('mgmt-svc-hv'));
    assert.equal(e.notes?.[0].file, '.atlas/vmms.md');
    assert.equal(kb.matcher.lookupTerm('mgmt-svc-hv')?.id, 'hyperv.vmms');
    assert.equal(bundledKnowledge().get('hyperv.vmms')!.notes, undefined, 'the bundled index is not changed');
  });

  it('refuses an extends of an unknown entry and fields extends cannot change', () => {
    assert.deepEqual(problems(file('.atlas/x.md', 'extends: hyperv.vmmz\naliases: [mgmt-svc-hv]')), [
      '.atlas/x.md:2: `extends` refers to `hyperv.vmmz`, which no bundled entry has; did you mean `hyperv.vmms`?',
    ]);
    assert.match(problems(file('.atlas/x.md', 'extends: hyperv.vmms\nsummary: Replaced.'))[0], /`summary` cannot be changed by `extends`/);
  });

  it('places a component in a bundled layer, so the tree and diagram show it', () => {
    const c = file('.atlas/agent.md', `id: lab.backup-agent\ntitle: Backup agent\nkind: component\nsummary: Our backup agent.\nsystems: [hyperv]\nlayers: [hyperv.root]\nmode: user\naliases: [labbackupd]\n${SRC}`);
    const g = compileGlossary(base(), [c]);
    assert.deepEqual(g.problems, []);
    const kb = mergeGlossary(base(), g);
    assert.ok(kb.componentsOf('hyperv.root').some((e) => e.id === 'lab.backup-agent'));
  });
});

describe('workspace glossary: limits and hostile files', () => {
  it('refuses a 5 MB body and a 5 MB alias with a clear message', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    assert.match(problems(term('.atlas/a.md', 'lab.a', '', big))[0], /^\.atlas\/a\.md:1: file is \d+ characters; an entry file may have at most/);
    assert.match(problems(term('.atlas/a.md', 'lab.a', `aliases: [${big}]`))[0], /file is \d+ characters/);
    assert.match(problems(term('.atlas/a.md', 'lab.a', '', 'y'.repeat(LIMITS.bodyChars + 1)))[0], /:9: body is \d+ characters; at most/);
    assert.match(problems(term('.atlas/a.md', 'lab.a', `aliases: [${'z'.repeat(200)}]`))[0], /alias of 200 characters/);
  });

  it('refuses an alias of too many word pieces', () => {
    assert.match(problems(term('.atlas/a.md', 'lab.a', 'aliases: [one two three four five six seven]'))[0], /has 7 word pieces/);
    const tokens = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    assert.equal(problems(term('.atlas/a.md', 'lab.a', `aliases: [${tokens}]`)).length, 1);
  });

  it('refuses empty, punctuation-only and pattern-like aliases', () => {
    assert.match(problems(term('.atlas/a.md', 'lab.a', "aliases: ['', lab-a]"))[0], /an alias is empty/);
    assert.match(problems(term('.atlas/a.md', 'lab.a', "aliases: ['--']"))[0], /has no letters or digits/);
    for (const a of ['c++', '"\\\\d+"', 'vm.*', '(lab)', 'lab|prod', 'C#']) {
      assert.match(problems(term('.atlas/a.md', 'lab.a', `aliases: [${a}]`))[0] ?? '', /pattern syntax or punctuation/, a);
    }
  });

  it('refuses a common English word unless it is generic', () => {
    assert.match(problems(term('.atlas/a.md', 'lab.a', 'aliases: [cluster]'))[0], /common English word: list it under `generic`/);
    // with generic it is fine (the bundled entries claim no such alias)
    assert.deepEqual(problems(term('.atlas/a.md', 'lab.a', 'aliases: [team]\ngeneric: [team]')), []);
  });

  it('reports a YAML alias bomb at its line instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const p = problems(file('.atlas/bomb.md', `id: lab.a\n${lines.join('\n')}`));
    assert.equal(p.length >= 1, true);
    assert.ok(p.some((x) => /^\.atlas\/bomb\.md:4: front matter uses \d+ YAML aliases/.test(x)), p.join('\n'));
  });

  it('reports invalid UTF-8 at its line, not as U+FFFD', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('---\nid: lab.a\ntitle: '), 0xc3, 0x28, ...new TextEncoder().encode('\n---\n')]);
    const r = decodeEntryFile('.atlas/a.md', bytes);
    assert.ok('problem' in r);
    assert.equal(formatProblem(r.problem), '.atlas/a.md:3: the file is not valid UTF-8 (byte 21): save it as UTF-8');
    assert.deepEqual(decodeEntryFile('a.md', new TextEncoder().encode('é')), { text: 'é' });
  });

  it('caps the number of files', function () {
    this.timeout(120000);
    const files = Array.from({ length: LIMITS.glossaryFiles + 3 }, (_, i) => term(`.atlas/t${String(i).padStart(5, '0')}.md`, `lab.t${i}`));
    const p = compileGlossary(base(), files).problems;
    assert.equal(p.length, 3);
    assert.match(p[0].message, /at most 2000 files/);
  });

  it('refuses a body link to anything but an https page', () => {
    assert.match(problems(term('.atlas/a.md', 'lab.a', '', 'See [this](command:workbench.action.terminal.new).'))[0], /links to `command:workbench\.action\.terminal\.new`/);
    assert.deepEqual(problems(term('.atlas/a.md', 'lab.a', '', 'See [this](https://wiki.example.com/x).')), []);
  });
});

describe('hover card safety', () => {
  const links = { openEntry: 'hypervisorAtlas.openEntry', showDiagram: 'hypervisorAtlas.showDiagram', revealInAtlas: 'hypervisorAtlas.revealInAtlas' };

  /** Every link target markdown-it (with linkify, HTML on) finds in the card, and whether HTML appears. */
  function linksOf(md: string): { hrefs: string[]; html: boolean } {
    const it = new MarkdownIt({ html: true, linkify: true });
    const hrefs: string[] = [];
    let html = false;
    for (const t of it.parse(md, {})) {
      if (t.type === 'html_block') html = true;
      for (const c of t.children ?? []) {
        if (c.type === 'link_open' || c.type === 'image') hrefs.push(String(c.attrGet('href') ?? c.attrGet('src') ?? ''));
        if (c.type === 'html_inline') html = true;
      }
    }
    return { hrefs, html };
  }

  it('keeps an alias with blank lines, a setting value with a newline and a URL with parentheses inert', () => {
    const e = { ...bundledKnowledge().get('hyperv.vmms')!, aliases: ['a\n\n[x](command:evil)'], values: [{ value: 'on\n\n[y](command:evil)', meaning: 'm' }], sources: [{ title: 't', url: 'https://x.example/a)(command:evil)' }] };
    const md = cardMarkdown(bundledKnowledge(), e, 'b\n\n[z](command:evil)', links);
    const { hrefs } = linksOf(md);
    assert.ok(hrefs.every((h) => !h.startsWith('command:evil') && !h.includes('command:evil)')), hrefs.join('\n'));
    assert.ok(hrefs.includes('https://x.example/a%29%28command:evil%29'));
  });

  it('enables only the commands the card links to', () => {
    assert.deepEqual(cardCommands({ openEntry: links.openEntry }), [links.openEntry]);
    assert.deepEqual(cardCommands(links).sort(), Object.values(links).sort());
  });

  it('says a workspace entry comes from the workspace and from which file, and shows its body as text', () => {
    const g = compileGlossary(base(), [term('.atlas/lab.md', 'lab.orion', 'aliases: [orion-cluster]', 'Has **bold** and https://wiki.example.com/a.')]);
    const kb = mergeGlossary(base(), g);
    const md = cardMarkdown(kb, kb.get('lab.orion')!, 'orion-cluster', links);
    assert.match(md, /From the workspace glossary `\.atlas\/lab\.md`/);
    assert.match(md, /Has \\\*\\\*bold\\\*\\\*/);
    assert.deepEqual(linksOf(md).hrefs.filter((h) => !h.startsWith('command:')), ['https://wiki.example.com/lab']);
  });

  it('property: no glossary text produces a link other than the allowed commands and its own https sources', function () {
    this.timeout(120000);
    const allowed = new Set(cardCommands(links));
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('[x](command:evil)', '<a href="command:x">', '\n\n', '`', '](', 'https://a.example/(b)', 'command:evil', '$(gear)', '<command:x>', 'x@y.example', '\\'));
    const field = fc.array(text, { maxLength: 6 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(field, field, field, field, field, (alias, title, summary, body, value) => {
        const q = (s: string) => JSON.stringify(s);
        const f = file(
          '.atlas/p.md',
          `id: lab.p\ntitle: ${q(title || 'T')}\nkind: setting\nsummary: ${q(summary || 'S.')}\naliases: [${q(alias)}, labp-term]\nvalues:\n  - { value: ${q(value || 'v')}, meaning: ${q(body || 'm')} }\n${SRC}`,
          body || 'B.',
        );
        const g = compileGlossary(base(), [f]);
        const kb = mergeGlossary(base(), g);
        const e = kb.get('lab.p');
        if (!e) return;
        const md = cardMarkdown(kb, e, alias, links);
        const { hrefs, html } = linksOf(md);
        assert.equal(html, false);
        for (const h of hrefs) {
          const cmd = /^command:([^?]+)/.exec(h)?.[1];
          assert.ok(cmd ? allowed.has(cmd) : h === 'https://wiki.example.com/lab', `unexpected link ${h}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
