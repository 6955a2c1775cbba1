/**
 * Field checks shared by the webview message validators: lengths before patterns, patterns
 * anchored at both ends. No `vscode` import, so the unit tests exercise exactly this.
 */
const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** An entry or system id: short, then the pattern (a long string never reaches the pattern). */
export function isEntryId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 120 && ID.test(v);
}

/** An https URL without white space or quotes, shorter than 2048 characters. */
export function isHttpsUrl(v: unknown): v is string {
  return typeof v === 'string' && v.length < 2048 && /^https:\/\/[^\s"'<>`\\]+$/.test(v);
}

/** Whether every key of `m` is one of `allowed`. */
export function onlyKeys(m: Record<string, unknown>, ...allowed: string[]): boolean {
  const keys = Object.keys(m);
  return keys.length <= allowed.length && keys.every((k) => allowed.includes(k));
}

/**
 * Runs `parse` on a message that is a plain object; undefined for anything else, and for
 * anything that throws on the way (getters, proxies). Never throws.
 */
export function parseObject<T>(raw: unknown, parse: (m: Record<string, unknown>) => T | undefined): T | undefined {
  try {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
    return parse(raw as Record<string, unknown>);
  } catch {
    return undefined;
  }
}
