/**
 * Work written as a generator that yields between units, so the extension host can run it in
 * slices (`inSlices`) and the tests and the CLI at once (`drain`): the same code either way.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end, synchronously. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Runs the steps in slices of about `sliceMs`, awaiting `pause` between them; undefined when
 * `pause` resolves false (the caller no longer wants the result).
 */
export async function inSlices<T>(steps: Steps<T>, pause: () => Promise<boolean | void>, sliceMs = 4, now: () => number = clock): Promise<T | undefined> {
  let started = now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() - started >= sliceMs) {
      if ((await pause()) === false) return undefined;
      started = now();
    }
  }
}
