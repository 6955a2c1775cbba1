/**
 * What the entry page may send, checked field by field. No `vscode` import, so the unit tests
 * exercise exactly this. Anything that is not one of these shapes is ignored.
 */
import { isEntryId, isHttpsUrl, parseObject } from '../message-checks';

export type EntryMessage =
  | { type: 'open'; id: string }
  | { type: 'external'; url: string }
  | { type: 'command'; command: 'diagram' | 'reveal'; id: string; system?: string }
  /** "Show how it works": play a guided flow from this entry */
  | { type: 'command'; command: 'flow'; id: string; flow: string };

/** Checks a message from the entry page; undefined for anything else. Never throws. */
export function parseEntryMessage(raw: unknown): EntryMessage | undefined {
  return parseObject(raw, parse);
}

function parse(m: Record<string, unknown>): EntryMessage | undefined {
  const keys = Object.keys(m);
  if (keys.length > 4) return undefined;
  const only = (...allowed: string[]) => keys.every((k) => allowed.includes(k));
  if (m.type === 'open' && only('type', 'id') && isEntryId(m.id)) return { type: 'open', id: m.id };
  if (m.type === 'external' && only('type', 'url') && isHttpsUrl(m.url)) return { type: 'external', url: m.url };
  if (m.type === 'command' && m.command === 'flow' && only('type', 'command', 'id', 'flow') && isEntryId(m.id) && isEntryId(m.flow)) {
    return { type: 'command', command: 'flow', id: m.id, flow: m.flow };
  }
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

