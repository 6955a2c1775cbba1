// The card a file gives at the `n`-th occurrence of `find` (plus `skip` characters), read both as
// a scan and as a hover of that file, which must agree. Shared by the tests of real-file cases.
import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { detectProfile } from '../../src/core/profile';

const kb = bundledKnowledge();

export function cardOf(fileName: string, text: string, find: string, n = 0, skip = 0): string | undefined {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(find, at + 1);
  assert.ok(at >= 0, `${find} not in the text`);
  at += skip;
  const p = detectProfile({ fileName, text });
  const options = { systems: p.systems, contexts: p.contexts, regions: p.regions };
  const scanned = kb.matcher.scan(text, options).find((m) => m.start <= at && at < m.end);
  const hovered = kb.matcher.matchAt(text, at, options);
  assert.equal(hovered?.id, scanned?.id, `hover and scan disagree on ${find}`);
  return scanned?.id;
}
