#!/usr/bin/env node
// Moves the manifest's user-facing strings into package.nls.json and leaves %key% in their
// place (VS Code and vsce read package.nls.json; translations go in package.nls.<lang>.json).
// Idempotent: strings already written as %key% are left alone. node scripts/nls-extract.mjs
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const nls = existsSync('package.nls.json') ? JSON.parse(readFileSync('package.nls.json', 'utf8')) : {};
const put = (obj, field, key) => {
  const v = obj[field];
  if (typeof v !== 'string' || /^%[^%]+%$/.test(v)) return;
  nls[key] = v;
  obj[field] = `%${key}%`;
};
const slug = (s) => s.replace(/^hypervisorAtlas\./, '').replace(/[^A-Za-z0-9.]+/g, '.');
put(manifest, 'displayName', 'displayName');
put(manifest, 'description', 'description');
const c = manifest.contributes;
for (const cmd of c.commands ?? []) {
  put(cmd, 'title', `command.${slug(cmd.command)}.title`);
  if (cmd.category) put(cmd, 'category', 'command.category');
}
for (const [where, list] of Object.entries(c.viewsContainers ?? {})) for (const v of list) put(v, 'title', `viewsContainers.${where}.${slug(v.id)}.title`);
for (const list of Object.values(c.views ?? {})) for (const v of list) {
  put(v, 'name', `view.${slug(v.id)}.name`);
  put(v, 'contextualTitle', `view.${slug(v.id)}.contextualTitle`);
}
(c.viewsWelcome ?? []).forEach((w, i) => put(w, 'contents', `viewsWelcome.${slug(w.view)}.${i}`));
const configs = Array.isArray(c.configuration) ? c.configuration : [c.configuration];
for (const conf of configs) {
  put(conf, 'title', 'configuration.title');
  for (const [name, p] of Object.entries(conf.properties ?? {})) {
    const k = `config.${slug(name)}`;
    put(p, 'description', `${k}.description`);
    put(p, 'markdownDescription', `${k}.markdownDescription`);
    for (const field of ['enumDescriptions', 'markdownEnumDescriptions']) {
      if (Array.isArray(p[field])) p[field].forEach((_, i) => put(p[field], i, `${k}.${field}.${i}`));
    }
  }
}
for (const w of c.walkthroughs ?? []) {
  put(w, 'title', `walkthrough.${slug(w.id)}.title`);
  put(w, 'description', `walkthrough.${slug(w.id)}.description`);
  for (const s of w.steps ?? []) {
    put(s, 'title', `walkthrough.${slug(w.id)}.${s.id}.title`);
    put(s, 'description', `walkthrough.${slug(w.id)}.${s.id}.description`);
    if (s.media) put(s.media, 'altText', `walkthrough.${slug(w.id)}.${s.id}.altText`);
  }
}
writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync('package.nls.json', `${JSON.stringify(nls, null, 2)}\n`);
console.log(`package.nls.json: ${Object.keys(nls).length} strings`);
