// Offsets → 0-based line/column (UTF-16 code units, as the editor counts them).
// Extractors ask in increasing offset order, so the tracker walks forward from the last
// answer and the whole file costs one pass at most; asking backwards restarts from the top.

import type { Position, Range } from '../../findings';

export class PositionTracker {
  private line = 0;
  private lineStart = 0;
  private offset = 0;

  constructor(private readonly text: string) {}

  at(offset: number): Position {
    if (offset < this.offset) {
      this.line = 0;
      this.lineStart = 0;
    }
    let nl = this.text.indexOf('\n', this.lineStart);
    while (nl !== -1 && nl < offset) {
      this.line++;
      this.lineStart = nl + 1;
      nl = this.text.indexOf('\n', this.lineStart);
    }
    this.offset = offset;
    return { line: this.line, column: offset - this.lineStart };
  }

  range(start: number, end: number): Range {
    const s = this.at(start);
    return { start: s, end: this.at(end) };
  }
}
