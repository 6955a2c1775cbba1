/**
 * What the entry page may send, checked field by field. No `vscode` import, so the unit tests
 * exercise exactly this. Anything that is not one of these shapes is ignored.
 */
const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

export type EntryMessage =
  | { type: 'open'; id: string }
  | { type: 'external'; url: string }
  | { type: 'command'; command: 'diagram' | 'reveal'; id: string; system?: string };

/** An entry or system id: short, then the pattern (a long string never reaches the pattern). */
export function isEntryId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 120 && ID.test(v);
}

/** An https URL without white space or quotes, shorter than 2048 characters. */
export function isHttpsUrl(v: unknown): v is string {
  return typeof v === 'string' && v.length < 2048 && /^https:\/\/[^\s"'<>`\\]+$/.test(v);
}

/** Checks a message from the entry page; undefined for anything else. Never throws. */
export function parseEntryMessage(raw: unknown): EntryMessage | undefined {
  try {
    return parse(raw);
  } catch {
    return undefined;
  }
}

function parse(raw: unknown): EntryMessage | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  const keys = Object.keys(m);
  if (keys.length > 4) return undefined;
  const only = (...allowed: string[]) => keys.every((k) => allowed.includes(k));
  if (m.type === 'open' && only('type', 'id') && isEntryId(m.id)) return { type: 'open', id: m.id };
  if (m.type === 'external' && only('type', 'url') && isHttpsUrl(m.url)) return { type: 'external', url: m.url };
  if (
    m.type === 'command' &&
    (m.command === 'diagram' || m.command === 'reveal') &&
    only('type', 'command', 'id', 'system') &&
    isEntryId(m.id) &&
    (m.system === undefined || isEntryId(m.system))
  ) {
    return { type: 'command', command: m.command, id: m.id, ...(typeof m.system === 'string' ? { system: m.system } : {}) };
  }
  return undefined;
}

