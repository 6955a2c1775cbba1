import { english, fill, messages, type Translate } from '../l10n';
import type { Finding } from './types';

const findingWords = messages({
  /** {0}: what the text gets wrong, {1}: the correct statement (both from content, English) */
  diagnostic: '{0} {1}',
});

/** The one line a finding shows as: its explanation, then the correct statement. */
export function findingMessage(f: Pick<Finding, 'message' | 'correct'>, t: Translate = english): string {
  return fill(findingWords(t).diagnostic, f.message, f.correct);
}
