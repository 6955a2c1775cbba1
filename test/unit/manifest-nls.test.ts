import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** Every string a user reads in the manifest, with where it is. */
function userStrings(): { where: string; value: unknown }[] {
  const out: { where: string; value: unknown }[] = [
    { where: 'displayName', value: manifest.displayName },
    { where: 'description', value: manifest.description },
  ];
  const c = manifest.contributes;
  for (const cmd of c.commands) out.push({ where: `command ${cmd.command} title`, value: cmd.title }, ...(cmd.category ? [{ where: `command ${cmd.command} category`, value: cmd.category }] : []));
  for (const list of Object.values(c.viewsContainers) as { id: string; title: string }[][]) for (const v of list) out.push({ where: `container ${v.id}`, value: v.title });
  for (const list of Object.values(c.views) as { id: string; name: string; contextualTitle?: string }[][]) {
    for (const v of list) out.push({ where: `view ${v.id}`, value: v.name }, ...(v.contextualTitle ? [{ where: `view ${v.id} contextualTitle`, value: v.contextualTitle }] : []));
  }
  for (const w of c.viewsWelcome ?? []) out.push({ where: `welcome ${w.view}`, value: w.contents });
  const configs = Array.isArray(c.configuration) ? c.configuration : [c.configuration];
  for (const conf of configs) {
    out.push({ where: 'configuration title', value: conf.title });
    for (const [name, p] of Object.entries(conf.properties) as [string, Record<string, unknown>][]) {
      for (const field of ['description', 'markdownDescription']) if (p[field] !== undefined) out.push({ where: `${name} ${field}`, value: p[field] });
      for (const field of ['enumDescriptions', 'markdownEnumDescriptions']) for (const v of (p[field] as unknown[] | undefined) ?? []) out.push({ where: `${name} ${field}`, value: v });
    }
  }
  for (const w of c.walkthroughs ?? []) {
    out.push({ where: `walkthrough ${w.id}`, value: w.title }, { where: `walkthrough ${w.id} description`, value: w.description });
    for (const s of w.steps) out.push({ where: `step ${s.id}`, value: s.title }, { where: `step ${s.id} description`, value: s.description }, ...(s.media?.altText ? [{ where: `step ${s.id} altText`, value: s.media.altText }] : []));
  }
  return out;
}

describe('manifest strings are localizable (package.nls.json)', () => {
  it('every user-facing manifest string is a %key% that package.nls.json defines', () => {
    const strings = userStrings();
    assert.ok(strings.length > 50);
    for (const s of strings) {
      assert.equal(typeof s.value, 'string', s.where);
      const m = /^%([^%]+)%$/.exec(s.value as string);
      assert.ok(m, `${s.where} is written in package.json: move it to package.nls.json (node scripts/nls-extract.mjs)`);
      assert.equal(typeof nls[m[1]], 'string', `${s.where}: package.nls.json has no ${m[1]}`);
      assert.ok(nls[m[1]].trim().length > 0, `${s.where}: empty string`);
    }
  });

  it('package.nls.json holds no key the manifest does not use', () => {
    const used = new Set(JSON.stringify(manifest).match(/"%[^%"]+%"/g)!.map((k) => k.slice(2, -2)));
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
  });
});
