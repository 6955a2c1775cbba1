/**
 * Words that cards, the tree, In This File and the diagrams share: kinds of entry, the two
 * classes of hypervisor, modes. Translated through `Translate` (src/core/l10n.ts).
 */
import type { Entry } from '../knowledge/types';
import { english, fill, messages, type Translate } from '../l10n';

/** What a card calls each kind of entry. */
export const kindLabels = messages<Entry['kind']>({
  system: 'system',
  layer: 'layer',
  component: 'component',
  concept: 'concept',
  format: 'file format',
  tool: 'tool',
  setting: 'setting',
});

/** Words that cards, the tree and the diagrams share. */
export const placeWords = messages({
  type1: 'Type 1 (bare metal)',
  type2: 'Type 2 (hosted)',
  user: 'user',
  kernel: 'kernel',
  firmware: 'firmware',
  /** {0}: "user", "kernel", "user + kernel" */
  mode: '{0} mode',
});

/** "Type 1 (bare metal)", "Type 2 (hosted)" or '' for a system's classification. */
export function classificationLabel(classification: Entry['classification'], t: Translate = english): string {
  const w = placeWords(t);
  return classification === 'type1' ? w.type1 : classification === 'type2' ? w.type2 : '';
}

/** "user mode", "user + kernel mode". */
export function modeLabel(modes: readonly NonNullable<Entry['mode']>[], t: Translate = english): string {
  const w = placeWords(t);
  return fill(w.mode, modes.map((m) => w[m]).join(' + '));
}
