import * as assert from 'node:assert/strict';
import { layoutView } from '../../src/core/diagram/index';
import { outlineOf, pathTo, treeKey, visibleItems, type OutlineItem } from '../../src/core/diagram/outline';
import { bundledKnowledge } from '../../src/core/knowledge/load';

const kb = bundledKnowledge();

describe('diagram outline (text alternative)', () => {
  const layout = layoutView(kb, { kind: 'system', system: 'hyperv' });
  const tree = outlineOf(layout);

  it('groups the Hyper-V diagram by layer, top to bottom, with every drawn box once', () => {
    assert.ok(tree.length >= 3);
    const labels = tree.map((g) => g.label);
    const at = (re: RegExp) => labels.findIndex((l) => re.test(l));
    assert.ok(at(/^Root/) >= 0 && at(/Hardware/) >= 0 && at(/^Root/) < at(/Hardware/), labels.join(' | '));
    const listed = tree.flatMap((g) => g.children.map((c) => c.nodeId));
    const drawn = layout.nodes.filter((n) => n.layerKey && n.kind !== 'layer').map((n) => n.id);
    assert.deepEqual([...listed].sort(), [...drawn].sort());
  });

  it('lists each box connections with the box at the other end', () => {
    const vmwp = tree.flatMap((g) => g.children).find((c) => c.nodeId && layout.nodes.find((n) => n.id === c.nodeId)?.entryId === 'hyperv.vmwp')!;
    assert.ok(vmwp, 'VMWP is listed');
    const edges = layout.edges.filter((e) => e.from === vmwp.nodeId || e.to === vmwp.nodeId);
    assert.equal(vmwp.children.length, edges.length);
    assert.ok(vmwp.children.length > 0);
    for (const c of vmwp.children) {
      assert.match(c.label, /^(to|from) .+: .+/);
      assert.ok(layout.nodes.some((n) => n.id === c.nodeId));
    }
  });

  const small: OutlineItem[] = [
    { id: 'a', label: 'A', children: [{ id: 'a1', label: 'A1', children: [] }, { id: 'a2', label: 'A2', children: [{ id: 'a2x', label: 'x', children: [] }] }] },
    { id: 'b', label: 'B', children: [] },
  ];

  it('visible items carry level, position and set size', () => {
    assert.deepEqual(
      visibleItems(small, new Set()).map((v) => [v.item.id, v.level, v.posinset, v.setsize]),
      [['a', 1, 1, 2], ['b', 1, 2, 2]],
    );
    assert.deepEqual(
      visibleItems(small, new Set(['a', 'a2'])).map((v) => [v.item.id, v.level, v.posinset, v.setsize, v.parent ?? '']),
      [['a', 1, 1, 2, ''], ['a1', 2, 1, 2, 'a'], ['a2', 2, 2, 2, 'a'], ['a2x', 3, 1, 1, 'a2'], ['b', 1, 2, 2, '']],
    );
  });

  it('arrow keys follow the ARIA tree pattern', () => {
    const none = new Set<string>();
    const open = new Set(['a']);
    assert.deepEqual(treeKey(small, none, 'a', 'ArrowDown'), { focus: 'b' });
    assert.deepEqual(treeKey(small, none, 'b', 'ArrowDown'), undefined);
    assert.deepEqual(treeKey(small, none, 'a', 'ArrowRight'), { expand: 'a' });
    assert.deepEqual(treeKey(small, open, 'a', 'ArrowRight'), { focus: 'a1' });
    assert.deepEqual(treeKey(small, open, 'a1', 'ArrowRight'), undefined);
    assert.deepEqual(treeKey(small, open, 'a1', 'ArrowLeft'), { focus: 'a' });
    assert.deepEqual(treeKey(small, open, 'a', 'ArrowLeft'), { collapse: 'a' });
    assert.deepEqual(treeKey(small, open, 'a2', 'ArrowDown'), { focus: 'b' });
    assert.deepEqual(treeKey(small, open, 'b', 'ArrowUp'), { focus: 'a2' });
    assert.deepEqual(treeKey(small, open, 'b', 'Home'), { focus: 'a' });
    assert.deepEqual(treeKey(small, open, 'a', 'End'), { focus: 'b' });
    assert.deepEqual(treeKey(small, open, 'a1', 'Enter'), { activate: 'a1' });
    assert.deepEqual(treeKey(small, open, 'a1', 'x'), undefined);
    assert.deepEqual(treeKey(small, none, 'gone', 'ArrowDown'), { focus: 'a' });
  });

  it('finds the path to a box, for revealing it when it is selected in the drawing', () => {
    const withNodes: OutlineItem[] = [{ id: 'g', label: 'G', children: [{ id: 'n', label: 'N', nodeId: 'box', children: [{ id: 'e:n>1', label: 'to', nodeId: 'other', children: [] }] }] }];
    assert.deepEqual(pathTo(withNodes, 'box'), ['g', 'n']);
    assert.equal(pathTo(withNodes, 'other'), undefined, 'a connection item is not the box itself');
  });

  it('outlines the comparison by stack, heading with its caption first', () => {
    const c = outlineOf(layoutView(kb, { kind: 'compare', left: 'hyperv', right: 'virtualbox' }));
    assert.deepEqual(c.map((g) => g.id), ['g:type1', 'g:type2', 'g:hyperv', 'g:kvm']);
    assert.equal(c[2]!.label, 'Where Hyper-V really sits');
    assert.match(c[2]!.description!, /root partition/);
    assert.ok(c[2]!.children.some((i) => /^Root partition/.test(i.label)));
    assert.ok(c.every((g) => g.children.some((i) => /^Open the full .+ diagram$/.test(i.label))));
  });
});
