#!/usr/bin/env node
// code-server from npm: VS Code's Node extension host (what desktop VS Code runs `main` in), for
// the workbench tests. Two pinned builds: the newest we test, and the one matching
// `engines.vscode` (VS Code 1.96). Installed on demand under .vscode-test-cs/ (or
// $ATLAS_CODE_SERVER_DIR), offline but for the npm registry. Needs Debian's libkrb5-dev (the
// kerberos module builds from source) and, for 4.96, ripgrep (its @vscode/ripgrep would
// download rg). Why each step is here: /work/shared/docs/real-vscode-tests.md.
//
// Usage: node scripts/code-server.mjs install [VERSION...]   (default: every pinned version)
//        node scripts/code-server.mjs path VERSION            (prints the launcher, if installed)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './workbench.mjs';

/** The builds the tests run in: code-server version → the VS Code it carries and the Node it needs. */
export const CODE_SERVERS = {
  '4.139.1': { vscode: '1.139.1', node: '24' },
  '4.96.4': { vscode: '1.96.4', node: 'system' },
};

export const CODE_SERVER_DIR = process.env.ATLAS_CODE_SERVER_DIR ?? join(ROOT, '.vscode-test-cs');

const launcherOf = (version) => join(CODE_SERVER_DIR, `code-server-${version}`);

/** The launcher script of an installed version, or undefined. */
export function codeServerPath(version) {
  const bin = launcherOf(version);
  return existsSync(bin) ? bin : undefined;
}

function run(cmd, args, { cwd, env, timeoutMs = 1_500_000, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (d) => {
      out = (out + d).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      writeFileSync(log, out);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code} (last output in ${log}):\n${out.split('\n').slice(-15).join('\n')}`));
    });
  });
}

function freshPackageDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

/** Node 24 from npm (package `node`); its platform package ships the headers node-gyp needs. */
async function installNode24() {
  const dir = join(CODE_SERVER_DIR, 'node24');
  const home = join(dir, 'node_modules', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
  if (existsSync(join(home, 'bin', 'node'))) return home;
  freshPackageDir(dir);
  await run('npm', ['install', 'node@24', ...NPM_QUIET], { cwd: dir, log: join(CODE_SERVER_DIR, 'node24.log') });
  if (!existsSync(join(home, 'bin', 'node'))) throw new Error(`npm's node@24 has no ${home}/bin/node`);
  return home;
}

function writeLauncher(version, node, dir) {
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) throw new Error(`code-server ${version} installed without ${entry}`);
  const bin = launcherOf(version);
  writeFileSync(bin, `#!/bin/sh\nexec "${node}" "${entry}" "$@"\n`);
  chmodSync(bin, 0o755);
  return bin;
}

async function install(version) {
  const spec = CODE_SERVERS[version];
  if (!spec) throw new Error(`unknown code-server version ${version} (pinned: ${Object.keys(CODE_SERVERS).join(', ')})`);
  const existing = codeServerPath(version);
  if (existing) return existing;
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  const dir = join(CODE_SERVER_DIR, `cs-${version}`);
  const log = join(CODE_SERVER_DIR, `cs-${version}.log`);
  if (spec.node === '24') {
    // 4.139 must be built and run with Node 24: under Node 20 every page answers HTTP 500.
    const node = await installNode24();
    freshPackageDir(dir);
    await run('npm', ['install', `code-server@${version}`, ...NPM_QUIET], {
      cwd: dir,
      log,
      env: { PATH: `${join(node, 'bin')}:${process.env.PATH}`, npm_config_nodedir: node },
    });
    return writeLauncher(version, join(node, 'bin', 'node'), dir);
  }
  // 4.96 under the system Node. Offline it needs two fixes: its shrinkwrap takes
  // @vscode/proxy-agent from a git URL (the registry's 0.27.0 tarball has the same integrity),
  // and @vscode/ripgrep downloads rg (seed its cache with Debian's rg).
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find(existsSync);
  if (!rg) throw new Error('code-server 4.96 needs ripgrep: apt-get install -y ripgrep');
  const pack = join(CODE_SERVER_DIR, `pack-${version}`);
  freshPackageDir(pack);
  await run('npm', ['pack', `code-server@${version}`, ...NPM_QUIET], { cwd: pack, log });
  await run('tar', ['xzf', `code-server-${version}.tgz`], { cwd: pack, log });
  const shrinkwrap = join(pack, 'package', 'lib', 'vscode', 'npm-shrinkwrap.json');
  const lock = JSON.parse(readFileSync(shrinkwrap, 'utf8'));
  const registry = (await run('npm', ['config', 'get', 'registry'], { cwd: pack, log })).trim().replace(/\/$/, '');
  const agent = lock.packages?.['node_modules/@vscode/proxy-agent'];
  if (agent && !agent.resolved?.startsWith('http')) agent.resolved = `${registry}/@vscode/proxy-agent/-/proxy-agent-${agent.version}.tgz`;
  writeFileSync(shrinkwrap, `${JSON.stringify(lock, null, 2)}\n`);
  await run('tar', ['czf', 'offline.tgz', 'package'], { cwd: pack, log });
  const tmp = join(CODE_SERVER_DIR, `tmp-${version}`);
  const cache = join(tmp, 'vscode-ripgrep-cache-1.15.9');
  mkdirSync(cache, { recursive: true });
  await run('tar', ['czf', join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', rg.replace(/\/rg$/, ''), 'rg'], { cwd: tmp, log });
  freshPackageDir(dir);
  await run('npm', ['install', join(pack, 'offline.tgz'), ...NPM_QUIET], {
    cwd: dir,
    log,
    env: { TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_nodedir: '/usr' },
  });
  return writeLauncher(version, process.execPath, dir);
}

/** Installs the given versions (default: all pinned ones) one after the other; returns their launchers. */
export async function installCodeServers(versions = Object.keys(CODE_SERVERS), say = console.log) {
  const out = {};
  for (const v of versions) {
    const started = Date.now();
    const had = codeServerPath(v);
    out[v] = await install(v);
    say(`code-server ${v} (VS Code ${CODE_SERVERS[v].vscode}): ${had ? 'already installed' : `installed in ${((Date.now() - started) / 1000).toFixed(0)} s`} → ${out[v]}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, ...rest] = process.argv.slice(2);
  try {
    if (cmd === 'install') await installCodeServers(rest.length ? rest : undefined);
    else if (cmd === 'path' && rest[0]) {
      const p = codeServerPath(rest[0]);
      if (!p) throw new Error(`code-server ${rest[0]} is not installed: node scripts/code-server.mjs install ${rest[0]}`);
      console.log(p);
    } else {
      console.error('usage: node scripts/code-server.mjs install [VERSION...] | path VERSION');
      process.exitCode = 2;
    }
  } catch (e) {
    console.error(e.message);
    process.exitCode = 1;
  }
}
