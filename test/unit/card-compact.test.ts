import * as assert from 'node:assert/strict';
import { cardMarkdown, COMPACT_LINES, keyFacts } from '../../src/core/render/card';
import { bundledKnowledge } from '../../src/core/knowledge/load';

const links = { openEntry: 'hypervisorAtlas.openEntry', showDiagram: 'hypervisorAtlas.showDiagram', revealInAtlas: 'hypervisorAtlas.revealInAtlas', showFlow: 'hypervisorAtlas.showFlow' };

/** Lines the card's text takes in a hover about 80 characters wide (the last line holds the links). */
function textLines(md: string): number {
  const lines = md.split('\n');
  lines.pop();
  // what the reader sees: no link targets, escapes or table markup
  const shown = lines.filter((l) => l.trim() !== '' && !/^\| --- /.test(l)).map((l) => l.replace(/\]\([^)]*\)/g, ']').replace(/\\(?=\S)/g, '').replace(/^\| | \|$/g, '').replace(/`/g, ''));
  return shown.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 80)), 0);
}

describe('compact hover cards', () => {
  const kb = bundledKnowledge();

  it('every entry’s compact card fits its text in about 12 lines and links to the full card, the tree and a source', () => {
    let longest = 0;
    for (const e of kb.entries) {
      const md = cardMarkdown(kb, e, e.aliases[0], links, [], 'compact');
      const n = textLines(md);
      longest = Math.max(longest, n);
      // the summary is kept whole, so a long one can add a line or two
      assert.ok(n <= COMPACT_LINES + 3, `${e.id}: ${n} lines\n${md}`);
      const last = md.split('\n').pop()!;
      assert.match(last, /\[\$\(book\) More…\]\(command:hypervisorAtlas\.openEntry\?/, e.id);
      assert.match(last, /Reveal in Atlas/, e.id);
      if (e.sources.length) assert.match(last, /\[\$\(link-external\) Source\]\(https:\/\//, e.id);
      assert.ok(!md.includes('**Sources:**'), e.id);
      assert.ok(!md.includes('```'), `${e.id}: no code block in a compact card`);
    }
    assert.ok(longest >= 6, 'cards are not empty');
  });

  it('folds the hovered form into the title line, and leaves it out when it is the title', () => {
    const vmwp = kb.get('hyperv.vmwp')!;
    const first = cardMarkdown(kb, vmwp, 'vmwp.exe', links, [], 'compact').split('\n')[0];
    assert.match(first, /^\*\*.+\*\* \(VMWP\) · \*component\* · `vmwp\.exe` {2}$/);
    assert.ok(!cardMarkdown(kb, vmwp, 'vmwp', links, [], 'compact').split('\n')[0].includes('`'), 'the short name in other case is not repeated');
    assert.ok(!cardMarkdown(kb, vmwp, 'vmwp.exe', links, [], 'full').includes('You hovered'));
  });

  it('the full card still holds every source, the related entries and the other spellings', () => {
    const vmwp = kb.get('hyperv.vmwp')!;
    const md = cardMarkdown(kb, vmwp, 'VMWP', links, [], 'full');
    assert.match(md, /\*\*Sources:\*\* \[/);
    assert.match(md, /\*\*Related:\*\*/);
    assert.match(md, /Also written /);
  });

  it('keyFacts keeps whole paragraphs and list items, and marks a cut', () => {
    const body = 'First fact in one line.\n\n- item one\n- item two\n- item three\n\n```\ncode\n```\n\nAfter the code.';
    assert.equal(keyFacts(body, 10), 'First fact in one line.\n\n- item one\n- item two\n- item three …');
    assert.equal(keyFacts(body, 2), 'First fact in one line.\n\n- item one …');
    assert.equal(keyFacts(body, 0), '');
    assert.equal(keyFacts('x'.repeat(400), 3), '');
  });
});
