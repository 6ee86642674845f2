// Offsets in a text to 0-based line/column positions (UTF-16 columns, as the editor counts).
// One pass finds the line starts; each lookup is then a binary search, so any number of
// lookups, in any order, on a file of any shape (one multi-megabyte line included) costs
// O(n + k log n). The records and the import extractors share it.

import type { Position, Range } from '../findings';

export class TextPositions {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) this.lineStarts.push(nl + 1);
  }

  at(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: o - this.lineStarts[lo] };
  }

  range(start: number, end: number): Range {
    return { start: this.at(start), end: this.at(end) };
  }

  /** Offset of the start of a 0-based line (the text length past the last line). */
  lineStart(line: number): number {
    return line < this.lineStarts.length ? this.lineStarts[line] : this.text.length;
  }
}
