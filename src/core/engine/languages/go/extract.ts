// Imports, data access and suppression comments of a Go file, from one linear scan.
// The import section is what Go's own parser reads in ImportsOnly mode: the `package`
// clause, then `import` declarations (single, grouped, aliased, dot and blank), with
// comments anywhere between them. `import "C"` is cgo, not a package, and is left out.
// Build constraints are not evaluated: every file counts, whatever GOOS it is for.
// After the imports a search goes from literal to comment through the rest of the file,
// for SQL in string and raw string literals, GORM's `.Table("t")` and `.Model(&T{})`, and
// `adrift-ignore` comments.

import { TextPositions } from '../../../records/positions';
import type { DataAccess, ImportRef, SuppressionComment } from '../../types';
import { mayStartSql, sqlDataAccess } from '../../extract/sql';
import { mayContainSuppression, parseSuppression } from '../../extract/suppression';
import type { LanguageExtraction } from '../language';

const enum T {
  EOF,
  IDENT,
  STRING, // "…" (value = the text between the quotes, escapes not decoded)
  RAW, // `…`
  RUNE,
  NUMBER,
  PUNCT,
  NEWLINE, // a line break outside comments and raw strings
}

interface Comment {
  start: number;
  end: number;
}

/** A Go source scanner: tokens with offsets, no allocation per token. */
class GoScanner {
  private i = 0;
  kind: T = T.EOF;
  start = 0;
  end = 0;
  readonly comments: Comment[] = [];

  constructor(
    private readonly text: string,
    private readonly keepComments: boolean,
  ) {}

  /** The current token's text (identifiers and punctuation). */
  get value(): string {
    return this.text.slice(this.start, this.end);
  }

  next(): T {
    const s = this.text;
    const n = s.length;
    let i = this.i;
    for (;;) {
      if (i >= n) {
        this.i = i;
        this.start = this.end = n;
        return (this.kind = T.EOF);
      }
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
        i++;
        continue;
      }
      if (c === 10) {
        this.start = i;
        this.end = this.i = i + 1;
        return (this.kind = T.NEWLINE);
      }
      if (c === 47 /* / */) {
        const d = s.charCodeAt(i + 1);
        if (d === 47) {
          let e = s.indexOf('\n', i + 2);
          if (e === -1) e = n;
          if (this.keepComments) this.comments.push({ start: i, end: e > i && s.charCodeAt(e - 1) === 13 ? e - 1 : e });
          i = e;
          continue;
        }
        if (d === 42) {
          const close = s.indexOf('*/', i + 2);
          const e = close === -1 ? n : close + 2;
          if (this.keepComments) this.comments.push({ start: i, end: e });
          // A block comment with a line break separates like a newline does.
          const broke = s.indexOf('\n', i + 2);
          i = e;
          if (broke !== -1 && broke < e) {
            this.start = broke;
            this.end = this.i = e;
            return (this.kind = T.NEWLINE);
          }
          continue;
        }
      }
      this.start = i;
      if (c === 34 /* " */ || c === 39 /* ' */) {
        const j = quoteEnd(s, i);
        const closed = j < n && s.charCodeAt(j) === c;
        this.end = this.i = closed ? j + 1 : Math.min(j, n);
        return (this.kind = c === 34 ? T.STRING : T.RUNE);
      }
      if (c === 96 /* ` */) {
        const close = s.indexOf('`', i + 1);
        this.end = this.i = close === -1 ? n : close + 1;
        return (this.kind = T.RAW);
      }
      if (isIdentStart(c)) {
        let j = i + 1;
        while (j < n && isIdentPart(s.charCodeAt(j))) j++;
        this.end = this.i = j;
        return (this.kind = T.IDENT);
      }
      if (c >= 48 && c <= 57) {
        let j = i + 1;
        while (j < n) {
          const e = s.charCodeAt(j);
          if (isIdentPart(e) || e === 46) j++;
          // An exponent's sign belongs to the number: 1e+9, 0x1p-2.
          else if ((e === 43 || e === 45) && /[eEpP]/.test(s[j - 1]) && !/^0[xX][0-9a-fA-F_]*[eE]$/.test(s.slice(i, j))) j++;
          else break;
        }
        this.end = this.i = j;
        return (this.kind = T.NUMBER);
      }
      this.end = this.i = i + 1;
      return (this.kind = T.PUNCT);
    }
  }

  /** The next token that is not a line break. */
  nextSignificant(): T {
    let t = this.next();
    while (t === T.NEWLINE) t = this.next();
    return t;
  }

  /** Whether the current token is the identifier `word`. */
  isWord(word: string): boolean {
    return this.kind === T.IDENT && this.end - this.start === word.length && this.text.startsWith(word, this.start);
  }

  isPunct(ch: string): boolean {
    return this.kind === T.PUNCT && this.text[this.start] === ch;
  }
}

/**
 * Where the "…" or '…' literal starting at `at` ends: its closing quote, or the line break
 * (an unterminated literal ends there, as Go reports it, never past it), or the end.
 */
function quoteEnd(text: string, at: number): number {
  const quote = text.charCodeAt(at);
  let j = at + 1;
  while (j < text.length) {
    const e = text.charCodeAt(j);
    if (e === 92) j += 2;
    else if (e === quote || e === 10) break;
    else j++;
  }
  return j;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 0x80 && c !== 0xfeff && c !== 0x2028 && c !== 0x2029);
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** The value of an interpreted string literal's content (between the quotes). */
export function unquoteGo(content: string): string {
  if (!content.includes('\\')) return content;
  return content.replace(/\\(?:([0-7]{3})|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))/g, (m, oct?: string, hex?: string, u?: string, big?: string, ch?: string) => {
    if (oct !== undefined) return String.fromCharCode(parseInt(oct, 8));
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    const code = u ?? big;
    if (code !== undefined) {
      const cp = parseInt(code, 16);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return SIMPLE_ESCAPES[ch ?? ''] ?? m;
  });
}

export function extractGo(text: string): LanguageExtraction {
  const keep = mayContainSuppression(text);
  const lx = new GoScanner(text, keep);
  const pos = new TextPositions(text);
  const imports: ImportRef[] = [];
  const dataAccess: DataAccess[] = [];

  const importSpec = (): void => {
    // [name] "path"; the name is an identifier (`_` included) or `.`.
    if (lx.kind === T.IDENT || lx.isPunct('.')) lx.nextSignificant();
    if (lx.kind !== T.STRING && lx.kind !== T.RAW) return;
    const raw = text.slice(lx.start + 1, lx.end - 1);
    const specifier = lx.kind === T.RAW ? raw : unquoteGo(raw);
    if (specifier !== 'C') imports.push({ specifier, range: pos.range(lx.start, lx.end), kind: 'import', typeOnly: false });
  };

  let t = lx.nextSignificant();
  if (lx.isWord('package')) {
    lx.nextSignificant();
    t = lx.nextSignificant();
    for (;;) {
      if (t === T.PUNCT && lx.isPunct(';')) {
        t = lx.nextSignificant();
        continue;
      }
      if (!lx.isWord('import')) break;
      t = lx.nextSignificant();
      if (lx.isPunct('(')) {
        t = lx.nextSignificant();
        while (t !== T.EOF && !lx.isPunct(')')) {
          if (lx.isPunct(';')) {
            t = lx.nextSignificant();
            continue;
          }
          importSpec();
          t = lx.nextSignificant();
        }
        t = lx.nextSignificant();
      } else {
        importSpec();
        t = lx.nextSignificant();
      }
    }
  }

  // The rest of the file: only literals, comments and `&` matter, so a native search jumps
  // from one to the next instead of tokenising every identifier and number (a 50 MB
  // generated file is mostly those). What precedes a literal or `&` is read backwards:
  // `.Table(` before a string, `.Model(` before `&`.
  const n = text.length;
  let i = t === T.EOF ? n : t === T.NEWLINE ? lx.end : lx.start;
  const body = /["'`/&]/g;
  while (i < n) {
    body.lastIndex = i;
    const m = body.exec(text);
    if (m === null) break;
    const at = m.index;
    const c = text.charCodeAt(at);
    if (c === 47 /* / */) {
      const d = text.charCodeAt(at + 1);
      if (d === 47) {
        let e = text.indexOf('\n', at + 2);
        if (e === -1) e = n;
        if (keep) lx.comments.push({ start: at, end: e > at && text.charCodeAt(e - 1) === 13 ? e - 1 : e });
        i = e;
      } else if (d === 42) {
        const close = text.indexOf('*/', at + 2);
        i = close === -1 ? n : close + 2;
        if (keep) lx.comments.push({ start: at, end: i });
      } else i = at + 1;
      continue;
    }
    if (c === 38 /* & */) {
      // db.Model(&User{}) / db.Model(&models.User{}): the model is the type's last name.
      if (afterCall(text, at, 'Model')) {
        MODEL_TYPE.lastIndex = at + 1;
        const t2 = MODEL_TYPE.exec(text);
        if (t2) {
          const name = t2[2] ?? t2[1];
          const nameStart = t2[2] !== undefined ? t2.index + t2[0].lastIndexOf(name) : at + 1 + t2[0].indexOf(name);
          dataAccess.push({ kind: 'orm', name, range: pos.range(nameStart, nameStart + name.length) });
        }
      }
      i = at + 1;
      continue;
    }
    let contentEnd: number;
    if (c === 96 /* ` */) {
      const close = text.indexOf('`', at + 1);
      contentEnd = close === -1 ? n : close;
      i = close === -1 ? n : close + 1;
    } else {
      const j = quoteEnd(text, at);
      contentEnd = Math.min(j, n);
      i = j < n && text.charCodeAt(j) === c ? j + 1 : contentEnd;
      if (c === 39) continue; // a rune
    }
    if (mayStartSql(text, at + 1, contentEnd)) dataAccess.push(...sqlDataAccess(text, at + 1, contentEnd, pos));
    // db.Table("users"): the literal follows `.Table(`.
    if (afterCall(text, at, 'Table')) {
      const name = text.slice(at + 1, contentEnd);
      if (/^[A-Za-z_][\w.]*$/.test(name)) dataAccess.push({ kind: 'orm', name: name.slice(name.lastIndexOf('.') + 1), range: pos.range(at + 1, contentEnd) });
    }
  }

  const suppressions: SuppressionComment[] = [];
  for (const c of lx.comments) {
    const parsed = parseSuppression(text.slice(c.start + 2, c.end));
    if (parsed) suppressions.push({ ...parsed, range: pos.range(c.start, c.end) });
  }
  return { imports, dataAccess, suppressions };
}

/** Whether the identifier at `at` is `name` written as a selector (`.name`). */
function isSelector(text: string, at: number, name: string): boolean {
  if (!text.startsWith(name, at) || isIdentPart(text.charCodeAt(at + name.length))) return false;
  let j = at - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j--;
  return j >= 0 && text[j] === '.';
}

/** `&pkg.Type{` after `.Model(`: the type, optionally behind its package name. */
const MODEL_TYPE = /\s*([A-Za-z_]\w*)(?:\s*\.\s*([A-Za-z_]\w*))?\s*\{/y;

/** Whether `.name(` comes right before offset `at` (blanks allowed between the parts). */
function afterCall(text: string, at: number, name: string): boolean {
  let j = at - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) j--;
  if (text[j] !== '(') return false;
  j--;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  const start = j + 1 - name.length;
  return start >= 0 && isSelector(text, start, name);
}
