/**
 * Opening every diagram (each system, then the Type 1 / Type 2 comparison), in the order a user
 * might, in one fresh process: the longest synchronous stretch the extension host feels while a
 * page's layout, cards and flows are prepared. `sync` prepares each page in one go (as the
 * panel did before issue 11), `sliced` as the panel does now: in slices with a setTimeout(0)
 * pause between them. bench/run.mjs runs this file once per mode; it prints one JSON line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { comparePair, drawableSystems, viewKey, type DiagramView } from '../../src/core/diagram/index';
import { inSlices } from '../../src/core/diagram/steps';
import { bundledKnowledge } from '../../src/core/knowledge/load';
import { english } from '../../src/core/l10n';
import { preparePage, preparePageSteps } from '../../src/features/diagram/prepare';

const mode = process.argv[2] === 'sync' ? 'sync' : 'sliced';
const SCHEDSTAT = '/proc/thread-self/schedstat';
const hasSchedstat = existsSync(SCHEDSTAT);

/**
 * CPU time of this (the main) thread, ms: Linux's schedstat, which the kernel brings up to date
 * when the thread sleeps, so it is exact when read just after a pause. Elsewhere the process's
 * CPU time, which also counts V8's compiler and GC threads.
 */
function threadCpuMs(): number {
  if (hasSchedstat) return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}
const sleep = () => new Promise((resolve) => setTimeout(resolve, 0));

async function main() {
  const kb = bundledKnowledge();
  void kb.matcher; // the extension has its term engine by the time a diagram opens
  const views: DiagramView[] = drawableSystems(kb).map((s) => ({ kind: 'system', system: s.id }));
  const pair = comparePair(kb);
  if (pair) views.push({ kind: 'compare', ...pair });
  const out: Record<string, { maxSliceMs: number; maxSliceCpuMs: number; slices: number; totalMs: number; edges: number }> = {};
  for (const view of views) {
    await sleep();
    const started = performance.now();
    let maxSliceMs = 0;
    let maxSliceCpuMs = 0;
    let slices = 1;
    let last = started;
    let lastCpu = threadCpuMs();
    // a slice's wall time ends where it pauses; its CPU time is read after the pause's sleep
    const endSlice = async () => {
      maxSliceMs = Math.max(maxSliceMs, performance.now() - last);
      await sleep();
      const cpu = threadCpuMs();
      maxSliceCpuMs = Math.max(maxSliceCpuMs, cpu - lastCpu);
      lastCpu = cpu;
      last = performance.now();
    };
    let edges: number;
    if (mode === 'sync') {
      edges = preparePage(kb, view, english).layout.edges.length;
    } else {
      const page = await inSlices(preparePageSteps(kb, view, english), async () => {
        slices++;
        await endSlice();
      });
      edges = page!.layout.edges.length;
    }
    await endSlice();
    out[viewKey(view)] = { maxSliceMs, maxSliceCpuMs, slices, totalMs: performance.now() - started, edges };
  }
  process.stdout.write(`${JSON.stringify({ mode, cpu: hasSchedstat ? 'main thread' : 'process', views: out })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
