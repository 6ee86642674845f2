// A linear-time Python lexer for import extraction: names, strings (all prefixes,
// triple-quoted, f-strings with nested expressions), numbers, operators, and logical line
// boundaries (brackets and backslash continuations join physical lines). Indentation is
// reported as the column of a logical line's first token. It never fails: an unterminated
// string ends at the end of its line (single-quoted) or of the file (triple-quoted).

export const P_EOF = 0;
export const P_NAME = 1;
export const P_STRING = 2;
export const P_NUMBER = 3;
export const P_OP = 4;
export const P_NEWLINE = 5; // end of a logical line

export interface PyComment {
  start: number;
  end: number;
}

/** f-strings nest (`f"{f'{x}'}"`); past this depth the rest is read as plain text. */
const MAX_FSTRING_NESTING = 16;

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

function isNamePart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c >= 128;
}

export class PyLexer {
  type = P_EOF;
  start = 0;
  end = 0;
  /** For P_OP: the first character's code. */
  op = 0;
  /** For P_STRING: content range, and whether it is an f-string. */
  valueStart = 0;
  valueEnd = 0;
  /** The current token begins a logical line; `indent` is its column. */
  firstOnLine = true;
  indent = 0;
  readonly comments: PyComment[] = [];

  private pos = 0;
  private depth = 0;
  /** Offset where the current physical line begins (for indentation). */
  private lineStart = 0;
  private lineBegin = true;
  private readonly len: number;
  /**
   * Nearest `\n`, `'` and `"` at or after some earlier offset (-1: none), found by indexOf
   * and kept: the lexer only moves forward, so each is found again only once passed, and a
   * long line costs one scan, not one per f-string on it.
   */
  private readonly nearest = new Map<string, number>();

  constructor(private readonly text: string, private readonly collectComments: boolean) {
    this.len = text.length;
  }

  tokenText(): string {
    return this.text.slice(this.start, this.end);
  }

  is(word: string): boolean {
    return this.type === P_NAME && this.end - this.start === word.length && this.text.startsWith(word, this.start);
  }

  isOp(code: number): boolean {
    return this.type === P_OP && this.op === code;
  }

  next(): number {
    const text = this.text;
    this.firstOnLine = false;
    // Whitespace, comments, continuations; a line break outside brackets ends the line.
    for (;;) {
      if (this.pos >= this.len) {
        if (!this.lineBegin) {
          this.lineBegin = true;
          this.start = this.end = this.len;
          return (this.type = P_NEWLINE);
        }
        this.start = this.end = this.len;
        return (this.type = P_EOF);
      }
      const c = text.charCodeAt(this.pos);
      if (c === 10 || c === 13) {
        this.pos++;
        this.lineStart = this.pos;
        if (this.depth === 0 && !this.lineBegin) {
          this.lineBegin = true;
          this.start = this.pos - 1;
          this.end = this.pos;
          return (this.type = P_NEWLINE);
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 12 || c === 11) {
        this.pos++;
        continue;
      }
      if (c === 92 /* \ */) {
        const d = text.charCodeAt(this.pos + 1);
        if (d === 10 || d === 13) {
          this.pos += d === 13 && text.charCodeAt(this.pos + 2) === 10 ? 3 : 2;
          continue;
        }
      }
      if (c === 35 /* # */) {
        let p = this.pos + 1;
        while (p < this.len && text.charCodeAt(p) !== 10 && text.charCodeAt(p) !== 13) p++;
        if (this.collectComments) this.comments.push({ start: this.pos, end: p });
        this.pos = p;
        continue;
      }
      if (c === 0xfeff) {
        this.pos++;
        continue;
      }
      break;
    }
    if (this.lineBegin) {
      this.lineBegin = false;
      this.firstOnLine = true;
      this.indent = this.pos - this.lineStart;
    }
    const start = this.pos;
    this.start = start;
    const c = text.charCodeAt(start);
    if (isNameStart(c)) {
      let p = start + 1;
      while (p < this.len && isNamePart(text.charCodeAt(p))) p++;
      const q = text.charCodeAt(p);
      if ((q === 39 || q === 34) && p - start <= 2 && /^(?:[rRbBuUfFtT]|[rR][bBfFtT]|[bBfFtT][rR])$/.test(text.slice(start, p))) {
        const fmt = /[fFtT]/.test(text.slice(start, p));
        this.pos = this.scanString(p, fmt, 0);
        this.end = this.pos;
        return (this.type = P_STRING);
      }
      this.pos = this.end = p;
      return (this.type = P_NAME);
    }
    if (c === 39 || c === 34) {
      this.pos = this.scanString(start, false, 0);
      this.end = this.pos;
      return (this.type = P_STRING);
    }
    if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(start + 1) >= 48 && text.charCodeAt(start + 1) <= 57)) {
      let p = start + 1;
      while (p < this.len) {
        const d = text.charCodeAt(p);
        if (isNamePart(d) || d === 46) p++;
        else if ((d === 43 || d === 45) && (text.charCodeAt(p - 1) | 32) === 101 && !/^0[xX]/.test(text.slice(start, start + 2))) p++;
        else break;
      }
      this.pos = this.end = p;
      return (this.type = P_NUMBER);
    }
    this.op = c;
    let p = start + 1;
    if (c === 40 || c === 91 || c === 123) this.depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (this.depth > 0) this.depth--;
    } else if (c === 46 && text.charCodeAt(p) === 46 && text.charCodeAt(p + 1) === 46) p += 2; // ...
    else if (c === 45 && text.charCodeAt(p) === 62) p++; // ->
    else if (c === 58 && text.charCodeAt(p) === 61) p++; // :=
    this.pos = this.end = p;
    return (this.type = P_OP);
  }

  /** text.indexOf(ch, from), for `from` that never decreases between calls. */
  private indexAfter(ch: string, from: number): number {
    const known = this.nearest.get(ch);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = this.text.indexOf(ch, from);
    this.nearest.set(ch, found);
    return found;
  }

  /** Scans a string whose quote is at `q`; returns the offset after it. */
  private scanString(q: number, fmt: boolean, nesting: number): number {
    const text = this.text;
    const quote = text.charCodeAt(q);
    const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote;
    let p = triple ? q + 3 : q + 1;
    this.valueStart = p;
    const canNest = fmt && nesting < MAX_FSTRING_NESTING;
    let braces = 0;
    while (p < this.len) {
      const c = text.charCodeAt(p);
      if (c === 92) {
        p += 2;
        continue;
      }
      if (braces === 0) {
        if (c === quote && (!triple || (text.charCodeAt(p + 1) === quote && text.charCodeAt(p + 2) === quote))) {
          this.valueEnd = p;
          return p + (triple ? 3 : 1);
        }
        if ((c === 10 || c === 13) && !triple) break;
        if (canNest && c === 123) {
          if (text.charCodeAt(p + 1) === 123) p += 2;
          else {
            braces = 1;
            p++;
          }
          continue;
        }
        p++;
        continue;
      }
      // Inside an f-string replacement field: code, with strings of its own.
      if (c === 123 || c === 40 || c === 91) braces++;
      else if (c === 125 || c === 41 || c === 93) braces--;
      else if (c === 39 || c === 34) {
        if (c === quote && !triple && text.charCodeAt(p + 1) !== quote) {
          // Before Python 3.12 the field cannot hold its own quote: it ends the string.
          const inner = this.indexAfter(String.fromCharCode(c), p + 1);
          const lineEnd = this.indexAfter('\n', p + 1);
          if (inner === -1 || (lineEnd !== -1 && inner > lineEnd)) {
            this.valueEnd = p;
            return p + 1;
          }
        }
        const save = this.valueStart;
        p = this.scanString(p, true, nesting + 1);
        this.valueStart = save;
        continue;
      } else if ((c === 10 || c === 13) && !triple) {
        break;
      }
      p++;
    }
    this.valueEnd = Math.min(p, this.len);
    return Math.min(p, this.len);
  }
}
