/** Offsets ↔ zero-based line/character, with line breaks as VS Code counts them (\n, \r\n, \r). */
export interface LinePosition {
  line: number;
  character: number;
}

export interface LineIndex {
  position(offset: number): LinePosition;
  offset(pos: LinePosition): number;
  readonly lineCount: number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return {
    lineCount: starts.length,
    position(offset: number): LinePosition {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: offset - starts[lo] };
    },
    offset(pos: LinePosition): number {
      const line = Math.max(0, Math.min(pos.line, starts.length - 1));
      return Math.min(starts[line] + pos.character, line + 1 < starts.length ? starts[line + 1] : text.length);
    },
  };
}
