import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { cardHtml } from '../../src/core/render/card';
import { RESOURCE_FOLDERS, contentSecurityPolicy, isPageResource, makeNonce, pageHtml } from '../../src/features/webview-page';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const root = join(__dirname, '..', '..', '..');

/** The CSP of a page, as directive name → sources. */
function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
  assert.equal(metas.length, 1, 'exactly one CSP meta tag');
  const policy = new Map<string, string[]>();
  for (const directive of metas[0][1].split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    assert.ok(!policy.has(name), `directive ${name} given twice`);
    policy.set(name, sources);
  }
  return policy;
}

/** The resource paths a panel's source passes to `page()`. */
function panelResources(file: string): string[] {
  const source = readFileSync(join(root, 'src', 'features', file), 'utf8');
  return [...source.matchAll(/(?:styles|scripts): \[([^\]]*)\]/g)].flatMap((m) => [...m[1].matchAll(/'([^']+)'/g)].map((s) => s[1]));
}

describe('webview pages: CSP and resources', () => {
  const nonce = makeNonce();
  const html = pageHtml({
    cspSource: CSP_SOURCE,
    nonce,
    title: 'Entry </title><script>alert(1)</script>',
    styleUris: [`${CSP_SOURCE}/ext/media/entry.css`],
    scriptUris: [`${CSP_SOURCE}/ext/dist/webview/entry.js`],
    body: '<main class="card"><p>VMBus</p></main>',
    data: { id: 'hyperv.vmbus', note: '</script><script>alert(2)</script><!--' },
  });

  it('denies everything by default and sets base-uri and form-action, which do not fall back to default-src', () => {
    const policy = policyOf(html);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.deepEqual(policy.get('form-action'), ["'none'"]);
    assert.deepEqual([...policy.keys()].sort(), ['base-uri', 'default-src', 'font-src', 'form-action', 'img-src', 'script-src', 'style-src']);
  });

  it('runs only nonce-tagged scripts and styles: no unsafe-inline, unsafe-eval, self, wildcard or remote host', () => {
    const policy = policyOf(html);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${nonce}'`]);
    assert.deepEqual(policy.get('style-src'), [CSP_SOURCE, `'nonce-${nonce}'`]);
    assert.deepEqual(policy.get('img-src'), [CSP_SOURCE]);
    assert.deepEqual(policy.get('font-src'), [CSP_SOURCE]);
    for (const sources of policy.values()) {
      for (const s of sources) assert.ok(!/unsafe-|^'self'$|\*|^https?:$|^data:$|^blob:$/.test(s), `source ${s}`);
    }
  });

  it('tags every script and stylesheet with the page nonce, and writes no inline handler or style attribute', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    // the page data and the page script: a hostile title or data adds none
    assert.equal(scripts.length, 2);
    for (const tag of [...scripts, ...[...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])]) assert.ok(tag.includes(` nonce="${nonce}"`), tag);
    assert.ok(scripts.some((s) => s.includes('type="application/json"')), 'page data is inert JSON');
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /\sstyle=/i);
    assert.match(html, /<title>Entry &lt;\/title&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/title>/);
    const json = /<script type="application\/json" id="atlas-data" nonce="[0-9a-f]+">([^<]*)<\/script>/.exec(html);
    assert.ok(json, 'the data script holds no "<"');
    assert.deepEqual(JSON.parse(json[1]), { id: 'hyperv.vmbus', note: '</script><script>alert(2)</script><!--' });
  });

  it('uses a fresh 144-bit nonce for every page', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const n = makeNonce();
      assert.match(n, /^[0-9a-f]{36}$/);
      seen.add(n);
    }
    assert.equal(seen.size, 1000);
    assert.equal(contentSecurityPolicy(CSP_SOURCE, nonce).includes(`'nonce-${nonce}'`), true);
  });

  it('lets a page read media/ and dist/webview/ only', () => {
    assert.deepEqual(RESOURCE_FOLDERS, [['media'], ['dist', 'webview']]);
    for (const ok of ['media/entry.css', 'media/diagram.css', 'dist/webview/entry.js', 'dist/webview/diagram.js']) assert.ok(isPageResource(ok), ok);
    for (const bad of ['dist/extension.node.js', 'dist/knowledge.json', 'dist/webview', 'dist/webviewx/a.js', 'media/../dist/extension.js', 'media//entry.css', '/media/entry.css', 'package.json', 'media']) {
      assert.ok(!isPageResource(bad), bad);
    }
  });

  it('every stylesheet and script the panels load is a page resource that the build ships', () => {
    const used = [...panelResources('explain/panel.ts'), ...panelResources('diagram/panel.ts')];
    assert.deepEqual(used.sort(), ['dist/webview/diagram.js', 'dist/webview/entry.js', 'media/diagram.css', 'media/entry.css']);
    for (const path of used) {
      assert.ok(isPageResource(path), path);
      assert.ok(existsSync(join(root, path)), `${path} exists`);
    }
  });

  it("no entry card's HTML carries a script, an inline handler, a style attribute or a javascript: link", () => {
    const kb = bundledKnowledge();
    for (const entry of kb.entries) {
      const body = cardHtml(kb, entry);
      assert.doesNotMatch(body, /<script|<iframe|<object|<embed|<form|<base\b/i, entry.id);
      assert.doesNotMatch(body, /\son[a-z]+\s*=|\sstyle\s*=|javascript:/i, entry.id);
    }
  });
});
