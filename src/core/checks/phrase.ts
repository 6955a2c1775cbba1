/**
 * Claim patterns, as content writes them: words read like prose (see words.ts), with two
 * kinds of group and nothing else:
 * - `(type 2|type ii|hosted)`: one of these;
 * - `[a|an]`: optionally one of these.
 * `is [a|an] (type 2|hosted) hypervisor` is four patterns' worth of words. A plural or
 * possessive of the last word of a pattern is read as the word (`hypervisors`).
 */
import { phraseKeys } from './words';

/** Most word sequences one pattern may stand for; content that needs more should be split. */
export const MAX_VARIANTS = 512;

export interface PatternError {
  message: string;
}

/** Every word sequence a pattern stands for, or an error that names the problem. */
export function expandPattern(pattern: string): string[][] | PatternError {
  const slots: { options: string[][]; optional: boolean }[] = [];
  let i = 0;
  const text = pattern.trim();
  if (!text) return { message: 'empty pattern' };
  while (i < text.length) {
    const c = text[i];
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      const end = text.indexOf(close, i + 1);
      if (end < 0) return { message: `\`${c}\` without \`${close}\` in \`${pattern}\`` };
      const inner = text.slice(i + 1, end);
      if (/[()[\]]/.test(inner)) return { message: `groups do not nest: \`${pattern}\`` };
      const options = inner.split('|').map((o) => phraseKeys(o));
      if (options.some((o) => o.length === 0)) return { message: `an empty choice in \`${c}${inner}${close}\` of \`${pattern}\`` };
      slots.push({ options, optional: c === '[' });
      i = end + 1;
    } else if (c === ')' || c === ']' || c === '|') {
      return { message: `\`${c}\` outside a group in \`${pattern}\`` };
    } else {
      let end = i;
      while (end < text.length && !'([)]|'.includes(text[end])) end++;
      const keys = phraseKeys(text.slice(i, end));
      for (const k of keys) slots.push({ options: [[k]], optional: false });
      i = end;
    }
  }
  let variants: string[][] = [[]];
  for (const slot of slots) {
    const next: string[][] = [];
    for (const v of variants) {
      if (slot.optional) next.push(v);
      for (const o of slot.options) next.push([...v, ...o]);
    }
    variants = next;
    if (variants.length > MAX_VARIANTS) return { message: `\`${pattern}\` stands for more than ${MAX_VARIANTS} word sequences: split it` };
  }
  variants = variants.filter((v) => v.length > 0);
  if (!variants.length) return { message: `\`${pattern}\` has no words` };
  return variants;
}
