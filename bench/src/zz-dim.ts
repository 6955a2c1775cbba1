import { layoutView } from '../../src/core/diagram/index';
import { storyView } from '../../src/core/diagram/quality';
import { textWidth } from '../../src/core/diagram/text';
import { plateCrosses } from '../../src/core/diagram/route';
import { bundledKnowledge } from '../../src/core/knowledge/load';
const kb = bundledKnowledge();
const views = [...['hyperv', 'kvm', 'xen', 'esxi', 'virtualbox', 'workstation'].map((s) => ({ kind: 'system' as const, system: s })), { kind: 'compare' as const, left: 'hyperv', right: 'virtualbox' }];
for (const v of views) {
  const l = layoutView(kb, v);
  for (const [name, lay] of [['all', l], ['story', storyView(l)]] as const) {
    let n = 0;
    for (const e of lay.edges) {
      const lw = textWidth(e.label, 11) + 8;
      const p = { x: e.labelAt[0] - lw / 2, y: e.labelAt[1] - 9, w: lw, h: 17 };
      const hit = lay.edges.some((o) => o !== e && plateCrosses(o.points, p));
      if (hit) n++;
    }
    console.log(JSON.stringify(v), name, 'edges', lay.edges.length, 'labels over another line', n);
  }
}
