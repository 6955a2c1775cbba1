import * as assert from 'node:assert/strict';
import { layoutView } from '../../src/core/diagram/index';
import { pinnedTitles } from '../../src/core/diagram/pins';
import { initialView } from '../../src/core/diagram/quality';
import { bundledKnowledge } from '../../src/core/knowledge/load';

const kb = bundledKnowledge();
const frames = [
  { id: 'frame@a', kind: 'layer' as const, layerKey: 'a', title: 'Host kernel', x: 20, y: 100, w: 1000, h: 300 },
  { id: 'frame@a/kernel', kind: 'band' as const, layerKey: 'a', band: 'kernel' as const, x: 20, y: 140, w: 1000, h: 200 },
];

describe('layer titles pinned to the view', () => {
  it('pins nothing while every layer title is in view', () => {
    assert.deepEqual(pinnedTitles({ frames }, { k: 1, x: 0, y: 0 }, 1200, 800), []);
  });

  it('pins a layer panned past its left or top edge at the view edge, inside the layer', () => {
    const left = pinnedTitles({ frames }, { k: 1, x: -300, y: 0 }, 600, 800);
    assert.equal(left.length, 1);
    assert.deepEqual({ ...left[0], maxWidth: undefined }, { layerKey: 'a', text: 'Host kernel', x: 0, y: 106, maxWidth: undefined });
    const up = pinnedTitles({ frames }, { k: 1, x: 0, y: -200 }, 1200, 800);
    assert.equal(up[0]?.y, 0);
    assert.equal(up[0]?.x, 26);
  });

  it('pins no band, and no layer showing too little of itself to hold one', () => {
    assert.deepEqual(pinnedTitles({ frames }, { k: 1, x: 0, y: -380 }, 1200, 800), []);
    assert.deepEqual(pinnedTitles({ frames }, { k: 1, x: -300, y: 0 }, 600, 800).map((p) => p.layerKey), ['a']);
  });

  it("KVM's first view names every layer that shows in it (1400×900 window with the side bar open)", () => {
    const l = layoutView(kb, { kind: 'system', system: 'kvm' });
    const w = 683;
    const h = 772;
    const { k, ox, oy } = initialView(l, w, h);
    const view = { k, x: 8 - ox * k, y: 8 - oy * k };
    const pinned = new Set(pinnedTitles(l, view, w, h).map((p) => p.layerKey));
    for (const f of l.frames.filter((x) => x.kind === 'layer' || x.kind === 'outside')) {
      const sx = f.x * k + view.x;
      const sy = f.y * k + view.y;
      const shows = sx < w - 80 && sx + f.w * k > 80 && sy < h - 40 && sy + f.h * k > 40;
      if (!shows) continue;
      const titleInView = sx >= 0 && sy >= 0 && sx + Math.min(f.w, 240) * k <= w && sy + 32 * k <= h;
      assert.ok(titleInView || pinned.has(f.layerKey!), `${f.title}: its title or a pin is in view`);
    }
    assert.ok(pinned.size > 0, 'the first view is panned past some layer title');
  });
});
