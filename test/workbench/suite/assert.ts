/**
 * A small `node:assert`-like module for the web extension host (Node's `assert` is not
 * available in the browser bundle). Failures carry expected/actual for the report.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
  constructor(
    message: string,
    readonly actual?: unknown,
    readonly expected?: unknown,
    readonly showDiff = false,
  ) {
    super(message);
  }
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}…` : v);
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 200 ? `${s.slice(0, 200)}…` : s;
  } catch {
    return String(v);
  }
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`, value, true);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) throw new AssertionError(message ?? `${show(actual)} !== ${show(expected)}`, actual, expected, true);
}
export const strictEqual = equal;

export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) throw new AssertionError(message ?? `expected a value other than ${show(expected)}`, actual, expected);
}

function deepEq(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEq((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!deepEq(actual, expected)) throw new AssertionError(message ?? `values are not deeply equal`, actual, expected, true);
}
export const deepStrictEqual = deepEqual;

export function match(actual: string, re: RegExp, message?: string): void {
  if (!re.test(actual)) throw new AssertionError(message ?? `${show(actual)} does not match ${re}`, actual, String(re));
}

export function doesNotMatch(actual: string, re: RegExp, message?: string): void {
  if (re.test(actual)) throw new AssertionError(message ?? `${show(actual)} matches ${re}`, actual, String(re));
}

/** `haystack` (a string or array) contains `needle`. */
export function includes(haystack: string | readonly unknown[], needle: unknown, message?: string): void {
  const found = typeof haystack === 'string' ? haystack.includes(String(needle)) : haystack.includes(needle);
  if (!found) throw new AssertionError(message ?? `${show(haystack)} does not include ${show(needle)}`, haystack, needle);
}

export function fail(message = 'failed'): never {
  throw new AssertionError(message);
}

export async function rejects(fn: () => Promise<unknown>, message?: string): Promise<void> {
  try {
    await fn();
  } catch {
    return;
  }
  throw new AssertionError(message ?? 'expected the promise to reject');
}
