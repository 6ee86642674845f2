// A linear-time TypeScript/JavaScript lexer that knows just enough to never mistake the
// inside of a string, template literal, regular expression, comment or JSX text for code:
// the import extractor reads its token stream. It does not build a syntax tree and never
// fails: unterminated constructs end at the end of the line or of the file.
//
// Two classic ambiguities are settled from the previous token: whether `/` starts a
// regular expression, and (in JSX-capable files) whether `<` starts an element. Whether a
// `{` opens a block or an object literal (which decides what a `/` after its `}` is) comes
// from the token before it, and for a `:` from what the colon is: a property or `? :`
// colon opens an object, a `case`/label colon in a block a block.

import { mayStartSql } from '../../extract/sql';

export const T_EOF = 0;
export const T_IDENT = 1;
export const T_STRING = 2; // '…' or "…"; value range excludes the quotes
export const T_TEMPLATE = 3; // a whole template without `${`: usable as a specifier
export const T_TEMPLATE_PART = 4; // a template piece around `${ }`
export const T_PUNCT = 5;
export const T_NUMBER = 6;
export const T_REGEX = 7;
export const T_JSX = 8; // a complete JSX tag (opening, closing or self-closing)

// Multi-character punctuators that matter to the regex/JSX decision get codes of their own.
export const P_ARROW = 1; // =>
export const P_INCDEC = 2; // ++ --
export const P_SPREAD = 3; // ...
export const P_LOGICAL = 4; // && || ?? (and their assignments)
export const P_EQUALITY = 5; // == === != !==
// `?.` is handed out as a DOT: a property name follows it, as after `.`.

// Frames of the bracket stack.
const F_BLOCK = 1;
const F_OBJECT = 2;
const F_PAREN = 3;
const F_PAREN_COND = 4; // the parenthesis after if/while/for/with: a regex may follow it
const F_BRACKET = 5;
const F_TEMPLATE = 6; // `${` of a template literal
const F_JSX_ATTR = 7; // `{` inside a JSX tag
const F_JSX_CHILD = 8; // `{` between JSX tags
const F_JSX_ELEMENT = 9; // an open JSX element whose children are being read

// What a `:` was: a property or ternary colon (an expression follows), a colon in a block
// (a label, or a type annotation: `let x: T`, a class member's), the colon of `case x:`,
// or a type annotation inside brackets (a parameter's) or after `)` (a return type).
const COLON_VALUE = 0;
const COLON_BLOCK = 1;
const COLON_CASE = 2;
const COLON_TYPE = 3;

const MODE_CODE = 0;
const MODE_JSX_CHILDREN = 1;
const MODE_JSX_TAG = 2;

export interface CommentSpan {
  start: number;
  end: number;
  /** Offset of the comment's text, after `//` or `/*`. */
  textStart: number;
  textEnd: number;
}

export interface TemplateSpan {
  /** Offset of the opening backtick. */
  start: number;
  /** Content pieces [start, end) between `${ }` substitutions. */
  pieces: number[];
}

// Character classes of ASCII, looked up instead of compared: the lexer's inner loops.
const IDENT_START = 1;
const IDENT_PART = 2;
const BLANK = 4;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95;
  if (letter) ASCII[c] |= IDENT_START | IDENT_PART;
  if (c >= 48 && c <= 57) ASCII[c] |= IDENT_PART;
  if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12) ASCII[c] |= BLANK;
}

function isIdentStart(c: number): boolean {
  return c < 128 ? (ASCII[c] & IDENT_START) !== 0 : true;
}

function isIdentPart(c: number): boolean {
  return c < 128 ? (ASCII[c] & IDENT_PART) !== 0 : c !== 0x2028 && c !== 0x2029;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

export class TsLexer {
  type = T_EOF;
  start = 0;
  end = 0;
  /** For T_PUNCT: the character code, or one of the P_* codes. */
  punct = 0;
  /** Content range of a T_STRING / T_TEMPLATE (between the quotes). */
  valueStart = 0;
  valueEnd = 0;
  /** A T_STRING / T_TEMPLATE had its closing quote (an unfinished one is being typed). */
  terminated = false;
  prevType = T_EOF;
  prevPunct = 0;
  prevStart = 0;
  prevEnd = 0;
  /** The token before the previous one (for `x typeof import(…)`). */
  prev2Type = T_EOF;
  prev2Punct = 0;
  prev2Start = 0;
  prev2End = 0;
  /** Collected only when asked for (suppression comments). */
  readonly comments: CommentSpan[] = [];
  /** Completed template literals that may hold SQL, collected only when asked for. */
  readonly templates: TemplateSpan[] = [];

  private pos = 0;
  private readonly len: number;
  private readonly stack: number[] = [];
  /** Per frame of the stack: the unanswered `?` of the frame around it. */
  private readonly ternaries: number[] = [];
  /** `?` of a conditional in the current frame still waiting for its `:`. */
  private ternary = 0;
  /** What the last `:` was (COLON_*). */
  private colonKind = COLON_VALUE;
  /** The previous token was `else` or `do`: a `{` after it opens a block. */
  private blockKeyword = false;
  /** `case` or `default` was read and its colon is still to come. */
  private casePending = false;
  /** `type Name<…> =`: 1 after `type`, 2 after the name, 3 and up inside its `<…>`. */
  private aliasState = 0;
  /** The current token is a `:` or `=` after which a type follows. */
  private opensType = false;
  /** The previous token was a `:` or `=` after which a type follows (`let x: T`, `type A = T`). */
  prevOpensType = false;
  /** Per open `${`: the span of its template, when it is being collected. */
  private readonly openTemplates: (TemplateSpan | undefined)[] = [];
  private mode = MODE_CODE;
  private exprAllowed = true;
  /** The previous token was one of if/while/for/with: its parenthesis is a condition. */
  private condKeyword = false;

  constructor(
    private readonly text: string,
    private readonly jsx: boolean,
    private readonly collectComments: boolean,
    private readonly collectTemplates: boolean,
  ) {
    this.len = text.length;
    if (text.charCodeAt(0) === 35 && text.charCodeAt(1) === 33) {
      // #! line
      while (this.pos < this.len && !isLineBreak(text.charCodeAt(this.pos))) this.pos++;
    }
  }

  /** Slice of the current token. */
  tokenText(): string {
    return this.text.slice(this.start, this.end);
  }

  /** True when the current identifier token is exactly `word`. */
  is(word: string): boolean {
    return this.type === T_IDENT && this.end - this.start === word.length && this.text.startsWith(word, this.start);
  }

  /** Inside the `${ }` of a template literal (one being collected is not complete yet). */
  insideTemplate(): boolean {
    return this.openTemplates.length > 0;
  }

  /** Character code of the current token's first character. */
  text0(): number {
    return this.text.charCodeAt(this.start);
  }

  isPunct(code: number): boolean {
    return this.type === T_PUNCT && this.punct === code;
  }

  next(): number {
    this.prev2Type = this.prevType;
    this.prev2Punct = this.prevPunct;
    this.prev2Start = this.prevStart;
    this.prev2End = this.prevEnd;
    this.prevType = this.type;
    this.prevPunct = this.punct;
    this.prevStart = this.start;
    this.prevEnd = this.end;
    this.prevOpensType = this.opensType;
    this.opensType = false;
    this.punct = 0;
    if (this.mode === MODE_JSX_CHILDREN) {
      const t = this.scanJsxChildren();
      if (t !== -1) return this.finish(t);
    } else if (this.mode === MODE_JSX_TAG) {
      const t = this.scanJsxTag(this.pos);
      if (t !== -1) return this.finish(t);
    }
    return this.finish(this.scanCode());
  }

  private finish(t: number): number {
    this.type = t;
    if (this.aliasState !== 0 || (t === T_IDENT && this.end - this.start === 4)) this.trackTypeAlias(t);
    return t;
  }

  /** Follows `type Name<…> =` so that the `=` is known to open a type. */
  private trackTypeAlias(t: number): void {
    const punct = t === T_PUNCT ? this.punct : -1;
    const state = this.aliasState;
    if (state >= 3) {
      if (punct === 60) this.aliasState++;
      else if (punct === 62) this.aliasState--;
    } else if (state === 2 && punct === 61) {
      this.opensType = true;
      this.aliasState = 0;
    } else if (state === 2 && punct === 60) {
      this.aliasState = 3;
    } else if (state === 1 && t === T_IDENT) {
      this.aliasState = 2;
    } else {
      const afterDot = this.prevType === T_PUNCT && this.prevPunct === 46;
      this.aliasState = t === T_IDENT && !afterDot && this.is('type') ? 1 : 0;
    }
  }

  private skipTrivia(): void {
    const text = this.text;
    while (this.pos < this.len) {
      const c = text.charCodeAt(this.pos);
      if (c < 128 ? (ASCII[c] & BLANK) !== 0 : c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029) {
        this.pos++;
      } else if (c === 47 /* / */) {
        const d = text.charCodeAt(this.pos + 1);
        if (d === 47 || d === 42) this.pos = this.skipComment(this.pos);
        else return;
      } else if (c > 127 && c !== 0xa0 && c !== 0xfeff && /\s/.test(text[this.pos])) {
        this.pos++;
      } else return;
    }
  }

  /** At `//` or `/*`: past the comment, which is collected when asked for. */
  private skipComment(start: number): number {
    const text = this.text;
    if (text.charCodeAt(start + 1) === 47) {
      let p = start + 2;
      while (p < this.len && !isLineBreak(text.charCodeAt(p))) p++;
      if (this.collectComments) this.comments.push({ start, end: p, textStart: start + 2, textEnd: p });
      return p;
    }
    const close = text.indexOf('*/', start + 2);
    const end = close === -1 ? this.len : close + 2;
    if (this.collectComments) this.comments.push({ start, end, textStart: start + 2, textEnd: close === -1 ? end : close });
    return end;
  }

  private scanCode(): number {
    this.skipTrivia();
    const text = this.text;
    if (this.pos >= this.len) {
      this.start = this.end = this.len;
      return T_EOF;
    }
    const start = this.pos;
    this.start = start;
    const c = text.charCodeAt(start);

    if (isIdentStart(c) || c === 92 /* \ unicode escape */) {
      let p = start + 1;
      for (; p < this.len; p++) {
        const d = text.charCodeAt(p);
        if (d < 128 ? (ASCII[d] & IDENT_PART) === 0 && d !== 92 : d === 0x2028 || d === 0x2029) break;
      }
      this.pos = this.end = p;
      this.afterIdent(start, p);
      return T_IDENT;
    }
    if (c === 35 /* # */ && isIdentStart(text.charCodeAt(start + 1))) {
      // A private name (`#import`, `this.#require(…)`): one identifier that is no keyword.
      let p = start + 2;
      while (p < this.len && isIdentPart(text.charCodeAt(p))) p++;
      this.pos = this.end = p;
      this.condKeyword = false;
      this.blockKeyword = false;
      this.exprAllowed = false;
      return T_IDENT;
    }
    if (c >= 48 && c <= 57) return this.scanNumber(start);
    if (c === 39 || c === 34) return this.scanString(start, c);
    if (c === 96) {
      const span = this.collectTemplates && mayStartSql(text, start + 1, Math.min(this.len, start + 64)) ? { start, pieces: [] as number[] } : undefined;
      return this.scanTemplate(start + 1, span, true);
    }
    if (c === 47 /* / */ && this.exprAllowed) return this.scanRegex(start);
    if (c === 60 /* < */ && this.jsx && this.exprAllowed && !this.prevOpensType && this.looksLikeJsx(start)) {
      const t = this.scanJsxTag(start + 1);
      if (t !== -1) return t;
    }
    return this.scanPunct(start, c);
  }

  private afterIdent(start: number, end: number): void {
    const n = end - start;
    const text = this.text;
    this.condKeyword = false;
    this.blockKeyword = false;
    this.exprAllowed = false;
    // `x.in`, `obj.return`: a property name, not a keyword.
    if (this.type === T_PUNCT && this.prevPunct === 46) return;
    // Keywords after which an expression (so a regex or a JSX element) may start.
    switch (n) {
      case 2:
        if (text.startsWith('in', start) || text.startsWith('of', start)) this.exprAllowed = true;
        else if (text.startsWith('do', start)) this.exprAllowed = this.blockKeyword = true;
        else if (text.startsWith('if', start)) this.condKeyword = true;
        break;
      case 3:
        if (text.startsWith('new', start)) this.exprAllowed = true;
        else if (text.startsWith('for', start)) this.condKeyword = true;
        break;
      case 4:
        if (text.startsWith('case', start)) this.exprAllowed = this.casePending = true;
        else if (text.startsWith('void', start)) this.exprAllowed = true;
        else if (text.startsWith('else', start)) this.exprAllowed = this.blockKeyword = true;
        else if (text.startsWith('with', start)) this.condKeyword = true;
        break;
      case 5:
        if (text.startsWith('throw', start) || text.startsWith('yield', start) || text.startsWith('await', start)) this.exprAllowed = true;
        else if (text.startsWith('while', start)) this.condKeyword = true;
        break;
      case 6:
        if (text.startsWith('return', start) || text.startsWith('typeof', start) || text.startsWith('delete', start)) this.exprAllowed = true;
        break;
      case 7:
        if (text.startsWith('default', start)) this.exprAllowed = this.casePending = true; // `export default /re/`, `default:`
        break;
      case 10:
        if (text.startsWith('instanceof', start)) this.exprAllowed = true;
        break;
    }
  }

  private scanNumber(start: number): number {
    const text = this.text;
    let p = start + 1;
    while (p < this.len) {
      const c = text.charCodeAt(p);
      if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 46) p++;
      else if ((c === 43 || c === 45) && (text.charCodeAt(p - 1) === 101 || text.charCodeAt(p - 1) === 69)) p++;
      else break;
    }
    this.pos = this.end = p;
    this.exprAllowed = false;
    this.condKeyword = false;
    return T_NUMBER;
  }

  private scanString(start: number, quote: number): number {
    const text = this.text;
    let p = start + 1;
    while (p < this.len) {
      const c = text.charCodeAt(p);
      if (c === quote) break;
      if (c === 92) {
        p += text.charCodeAt(p + 1) === 13 && text.charCodeAt(p + 2) === 10 ? 3 : 2;
        continue;
      }
      if (c === 10 || c === 13) break; // unterminated: the line ends it
      p++;
    }
    this.valueStart = start + 1;
    this.valueEnd = Math.min(p, this.len);
    this.terminated = p < this.len && text.charCodeAt(p) === quote;
    this.pos = this.end = this.terminated ? p + 1 : Math.min(p, this.len);
    this.exprAllowed = false;
    this.condKeyword = false;
    return T_STRING;
  }

  /** Reads template text from `from` to the closing backtick or the next `${`. */
  private scanTemplate(from: number, span: TemplateSpan | undefined, whole: boolean): number {
    const text = this.text;
    let p = from;
    while (p < this.len) {
      const c = text.charCodeAt(p);
      if (c === 96) break;
      if (c === 92) {
        p += 2;
        continue;
      }
      if (c === 36 && text.charCodeAt(p + 1) === 123) break;
      p++;
    }
    if (p > this.len) p = this.len;
    if (span) span.pieces.push(from, p);
    this.valueStart = from;
    this.valueEnd = p;
    this.condKeyword = false;
    if (p < this.len && text.charCodeAt(p) === 36) {
      // `${`: code follows until the matching `}`.
      this.push(F_TEMPLATE);
      if (this.collectTemplates) this.openTemplates.push(span);
      this.pos = this.end = p + 2;
      this.exprAllowed = true;
      return T_TEMPLATE_PART;
    }
    this.terminated = p < this.len;
    this.pos = this.end = p < this.len ? p + 1 : p;
    this.exprAllowed = false;
    if (span) this.templates.push(span);
    return whole ? T_TEMPLATE : T_TEMPLATE_PART;
  }

  private scanRegex(start: number): number {
    const text = this.text;
    let p = start + 1;
    let inClass = false;
    while (p < this.len) {
      const c = text.charCodeAt(p);
      if (c === 92) {
        p += 2;
        continue;
      }
      if (isLineBreak(c)) break; // unterminated
      if (inClass) {
        if (c === 93) inClass = false;
      } else if (c === 91) inClass = true;
      else if (c === 47) {
        p++;
        while (p < this.len && isIdentPart(text.charCodeAt(p))) p++; // flags
        break;
      }
      p++;
    }
    this.pos = this.end = Math.min(p, this.len);
    this.exprAllowed = false;
    this.condKeyword = false;
    return T_REGEX;
  }

  private scanPunct(start: number, c: number): number {
    const text = this.text;
    let p = start + 1;
    let code = c;
    let allowed = true;
    const condKeyword = this.condKeyword;
    this.condKeyword = false;
    switch (c) {
      case 61: // = (=>, ==, ===)
        if (text.charCodeAt(p) === 62) {
          p++;
          code = P_ARROW;
        } else if (text.charCodeAt(p) === 61) {
          p += text.charCodeAt(p + 1) === 61 ? 2 : 1;
          code = P_EQUALITY;
        }
        break;
      case 33: // ! (!=, !==)
        if (text.charCodeAt(p) === 61) {
          p += text.charCodeAt(p + 1) === 61 ? 2 : 1;
          code = P_EQUALITY;
        } else if (!this.exprAllowed && !this.lineBreakSincePrevious(start)) {
          allowed = false; // TypeScript's non-null `x! / 2`, not a prefix `!`
        }
        break;
      case 38: // &
      case 124: // |
        if (text.charCodeAt(p) === c) {
          p += text.charCodeAt(p + 1) === 61 ? 2 : 1;
          code = P_LOGICAL;
        }
        break;
      case 63: // ?
        if (text.charCodeAt(p) === 63) {
          p += text.charCodeAt(p + 1) === 61 ? 2 : 1;
          code = P_LOGICAL;
        } else if (text.charCodeAt(p) === 46 && !(text.charCodeAt(p + 1) >= 48 && text.charCodeAt(p + 1) <= 57)) {
          p++;
          code = 46; // ?. reads as .
          allowed = false;
        } else {
          this.ternary++;
        }
        break;
      case 58: // :
        this.colonKind = this.classifyColon();
        this.opensType = this.colonKind === COLON_BLOCK || this.colonKind === COLON_TYPE;
        break;
      case 43: // +
      case 45: // -
        if (text.charCodeAt(p) === c) {
          p++;
          code = P_INCDEC;
          allowed = false; // assume postfix: `a++ / b`
        }
        break;
      case 46: // .
        if (text.charCodeAt(p) === 46 && text.charCodeAt(p + 1) === 46) {
          p += 2;
          code = P_SPREAD;
        } else if (text.charCodeAt(p) >= 48 && text.charCodeAt(p) <= 57) {
          return this.scanNumber(start);
        }
        break;
      case 59: // ;
        this.casePending = false;
        break;
      case 40: // (
        this.push(condKeyword ? F_PAREN_COND : F_PAREN);
        break;
      case 91: // [
        this.push(F_BRACKET);
        break;
      case 123: // {
        this.push(this.braceIsObject() ? F_OBJECT : F_BLOCK);
        this.casePending = false;
        break;
      case 41: // )
        allowed = this.pop() === F_PAREN_COND;
        break;
      case 93: // ]
        this.pop();
        allowed = false;
        break;
      case 125: {
        // }
        this.casePending = false;
        const frame = this.pop();
        if (frame === F_TEMPLATE) {
          const span = this.collectTemplates ? this.openTemplates.pop() : undefined;
          this.start = start;
          return this.scanTemplate(start + 1, span, false);
        }
        if (frame === F_JSX_ATTR) {
          this.mode = MODE_JSX_TAG;
          this.pos = this.end = p;
          return T_PUNCT;
        }
        if (frame === F_JSX_CHILD) {
          this.mode = MODE_JSX_CHILDREN;
          this.pos = this.end = p;
          return T_PUNCT;
        }
        allowed = frame !== F_OBJECT;
        break;
      }
    }
    this.pos = this.end = p;
    this.punct = code;
    this.exprAllowed = allowed;
    return T_PUNCT;
  }

  private braceIsObject(): boolean {
    const t = this.type;
    if (t === T_EOF) return false;
    // `${{…}}`, `attr={{…}}`, `{{…}}` between tags: an object inside the substitution.
    if (t === T_TEMPLATE_PART) return true;
    if (t === T_PUNCT) {
      const p = this.prevPunct;
      if (p === 123) {
        const top = this.stack[this.stack.length - 1];
        return top === F_JSX_ATTR || top === F_JSX_CHILD;
      }
      if (p === 58) return this.colonKind === COLON_VALUE || this.colonKind === COLON_TYPE; // not `case 1: {`, `label: {`
      return !(p === 41 || p === 93 || p === 125 || p === 59 || p === P_ARROW);
    }
    // After `return` and the like an object literal starts; after `else`, `do` and other words a block.
    return t === T_IDENT && this.exprAllowed && !this.blockKeyword;
  }

  /** What the `:` being read is: it answers a `?`, names a property, or is in a block or a type. */
  private classifyColon(): number {
    if (this.type === T_PUNCT && this.prevPunct === 63) {
      // `a?: T`: an optional member's annotation (a conditional is never empty).
      if (this.ternary > 0) this.ternary--;
      return COLON_TYPE;
    }
    if (this.ternary > 0) {
      this.ternary--;
      return COLON_VALUE;
    }
    const top = this.stack[this.stack.length - 1];
    if (top === F_OBJECT) return this.type === T_PUNCT && this.prevPunct === 41 ? COLON_TYPE : COLON_VALUE;
    if (top === undefined || top === F_BLOCK || top === F_JSX_ELEMENT) {
      if (!this.casePending) return COLON_BLOCK;
      this.casePending = false;
      return COLON_CASE;
    }
    if (top === F_PAREN || top === F_PAREN_COND || top === F_BRACKET) return COLON_TYPE;
    return COLON_VALUE;
  }

  private lineBreakSincePrevious(at: number): boolean {
    for (let p = this.prevEnd; p < at; p++) if (isLineBreak(this.text.charCodeAt(p))) return true;
    return false;
  }

  private push(frame: number): void {
    this.stack.push(frame);
    this.ternaries.push(this.ternary);
    this.ternary = 0;
  }

  private pop(): number {
    // Frames of JSX elements are closed by their closing tags, never by a stray bracket.
    const top = this.stack[this.stack.length - 1];
    if (top === F_JSX_ELEMENT || top === undefined) return 0;
    this.ternary = this.ternaries.pop() as number;
    return this.stack.pop() as number;
  }

  private skipBlanks(p: number): number {
    while (p < this.len) {
      const c = this.text.charCodeAt(p);
      if (c < 128 ? (ASCII[c] & BLANK) === 0 : !isLineBreak(c)) break;
      p++;
    }
    return p;
  }

  private identEnd(p: number): number {
    while (p < this.len && isIdentPart(this.text.charCodeAt(p))) p++;
    return p;
  }

  /**
   * `<` where an expression may start: an element unless it reads as the type parameters
   * of a generic arrow function, decided as TypeScript decides it in .tsx: `<T,`, `<T =`
   * and `<T extends U` (optionally after `const`) are type parameters; `<T extends=…`,
   * `<T extends>` and `<T extends/>` are elements with an attribute named extends.
   */
  private looksLikeJsx(lt: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(lt + 1);
    if (c === 62) return true; // <>
    if (!isIdentStart(c)) return false;
    let end = this.identEnd(lt + 1);
    if (end - lt === 6 && text.startsWith('const', lt + 1)) {
      const name = this.skipBlanks(end);
      if (name > end && isIdentStart(text.charCodeAt(name))) end = this.identEnd(name);
    }
    const p = this.skipBlanks(end);
    const d = text.charCodeAt(p);
    if (d === 44 || d === 61) return false; // <T,>(…) => …   <T = unknown>(…) => …
    if (text.startsWith('extends', p) && !isIdentPart(text.charCodeAt(p + 7))) {
      const e = text.charCodeAt(this.skipBlanks(p + 7));
      return e === 61 || e === 62 || e === 47;
    }
    return true;
  }

  /** From `<` after a JSX tag name: past its type arguments (`<Table<Row> …`). */
  private skipTypeArguments(p: number): number {
    const text = this.text;
    let depth = 0;
    while (p < this.len) {
      const c = text.charCodeAt(p);
      if (c === 60) depth++;
      else if (c === 62 && text.charCodeAt(p - 1) !== 61 /* => */) {
        if (--depth === 0) return p + 1;
      } else if (c === 39 || c === 34 || c === 96) {
        const close = text.indexOf(String.fromCharCode(c), p + 1);
        if (close === -1) return this.len;
        p = close;
      }
      p++;
    }
    return p;
  }

  /**
   * Reads a JSX tag from `p` (just after `<`, or where an attribute expression ended) up to
   * `>` or `/>`, or up to a `{` that opens an attribute expression. Returns -1 if the tag
   * has been left for code (the `{`), so the caller lexes code.
   */
  private scanJsxTag(p: number): number {
    const text = this.text;
    const resuming = this.mode === MODE_JSX_TAG;
    const tagStart = resuming ? this.pos : p - 1;
    this.mode = MODE_JSX_TAG;
    const closing = !resuming && text.charCodeAt(p) === 47;
    if (closing) p++;
    else if (!resuming) {
      // The tag name, then type arguments if any: `<Select<Option, false> …`.
      while (p < this.len && (isIdentPart(text.charCodeAt(p)) || text.charCodeAt(p) === 45 || text.charCodeAt(p) === 46 || text.charCodeAt(p) === 58)) p++;
      const q = this.skipBlanks(p);
      if (text.charCodeAt(q) === 60) p = this.skipTypeArguments(q);
    }
    while (p < this.len) {
      const c = text.charCodeAt(p);
      if (c === 62) {
        // >
        p++;
        this.mode = MODE_JSX_CHILDREN;
        if (closing) this.closeElement();
        else this.push(F_JSX_ELEMENT);
        return this.endJsx(tagStart, p);
      }
      if (c === 47 && text.charCodeAt(p + 1) === 62) {
        // />
        p += 2;
        this.mode = this.stack[this.stack.length - 1] === F_JSX_ELEMENT ? MODE_JSX_CHILDREN : MODE_CODE;
        return this.endJsx(tagStart, p);
      }
      if (c === 34 || c === 39) {
        const close = text.indexOf(String.fromCharCode(c), p + 1);
        p = close === -1 ? this.len : close + 1;
        continue;
      }
      if (c === 47 && (text.charCodeAt(p + 1) === 47 || text.charCodeAt(p + 1) === 42)) {
        // A comment between attributes (`// it's …` must not open a string).
        p = this.skipComment(p);
        continue;
      }
      if (c === 123) {
        this.push(F_JSX_ATTR);
        this.mode = MODE_CODE;
        this.exprAllowed = true;
        this.pos = p + 1;
        this.start = p;
        this.end = p + 1;
        this.punct = 123;
        return T_PUNCT;
      }
      p++;
    }
    this.mode = MODE_CODE;
    return this.endJsx(tagStart, this.len);
  }

  private closeElement(): void {
    if (this.stack[this.stack.length - 1] === F_JSX_ELEMENT) {
      this.stack.pop();
      this.ternary = this.ternaries.pop() as number;
    }
  }

  private endJsx(start: number, end: number): number {
    this.start = start;
    this.pos = this.end = end;
    if (this.mode === MODE_CODE || this.stack[this.stack.length - 1] !== F_JSX_ELEMENT) {
      this.mode = MODE_CODE;
      this.exprAllowed = false;
    }
    this.condKeyword = false;
    return T_JSX;
  }

  /** JSX text between tags: skipped up to the next tag or `{`. */
  private scanJsxChildren(): number {
    const text = this.text;
    let p = this.pos;
    while (p < this.len) {
      const c = text.charCodeAt(p);
      if (c === 123) {
        this.push(F_JSX_CHILD);
        this.mode = MODE_CODE;
        this.exprAllowed = true;
        this.start = p;
        this.pos = this.end = p + 1;
        this.punct = 123;
        return T_PUNCT;
      }
      if (c === 60) {
        this.pos = p;
        return this.scanJsxTag(p + 1);
      }
      p++;
    }
    this.mode = MODE_CODE;
    this.pos = this.len;
    return -1;
  }
}
