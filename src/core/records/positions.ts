// Offsets in a text to 0-based line/column positions (UTF-16 columns, as the editor counts).
// Line starts are found with indexOf, once each and only as far as a lookup needs them
// (most files are asked about their first lines only); each lookup is then a binary
// search. Any number of lookups, in any order, on a text of any shape (one multi-megabyte
// line included) costs O(n + k log n). The records and the import extractors share it.

import type { Position, Range } from '../findings';

export class TextPositions {
  private readonly lineStarts: number[] = [0];
  /** The first line break not yet recorded as a line start, or -1 when none is left. */
  private nextBreak: number;

  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf('\n');
  }

  at(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    while (this.nextBreak !== -1 && this.nextBreak < o) this.recordBreak();
    let lo = 0;
    let hi = starts.length - 1;
    if (starts[hi] <= o) lo = hi; // asked in increasing order: the last line known
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: o - starts[lo] };
  }

  range(start: number, end: number): Range {
    return { start: this.at(start), end: this.at(end) };
  }

  /** Offset of the start of a 0-based line (the text length past the last line). */
  lineStart(line: number): number {
    while (this.lineStarts.length <= line && this.nextBreak !== -1) this.recordBreak();
    return line < this.lineStarts.length ? this.lineStarts[line] : this.text.length;
  }

  private recordBreak(): void {
    this.lineStarts.push(this.nextBreak + 1);
    this.nextBreak = this.text.indexOf('\n', this.nextBreak + 1);
  }
}
