// Imports, data access and suppression comments of a Python file, from py-lexer's tokens.
// An import counts wherever it stands (module level, functions, if/try blocks); one in the
// body of `if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`) is marked type-only.

import type { DataAccess, ImportRef, SuppressionComment } from '../../types';
import { TextPositions } from '../../../records/positions';
import { P_EOF, P_NAME, P_NEWLINE, P_OP, P_STRING, PyLexer } from './lexer';
import { mayStartSql, sqlDataAccess } from '../../extract/sql';
import { mayContainSuppression, parseSuppression } from '../../extract/suppression';
import { lastMatchOffset, QUOTED_SQL_VERB } from '../../extract/last-match';
import { CLOSE_PAREN, COLON, COMMA, DOT, OPEN_PAREN, SEMICOLON, STAR } from '../../extract/chars';

export interface PyExtraction {
  imports: ImportRef[];
  dataAccess: DataAccess[];
  suppressions: SuppressionComment[];
}


// SQLAlchemy calls whose first arguments are mapped classes. `.query(` is specific enough
// on its own; the bare constructs need the file to import SQLAlchemy or SQLModel.
const ORM_FILE_HINT = /\b(?:sqlalchemy|sqlmodel)\b/;
const ORM_CONSTRUCTS = new Set(['select', 'update', 'delete', 'insert']);

/**
 * Every place a token the extractor acts on can start: `import` (a `from` statement has one
 * after its `from`), the ORM calls' names, and a quote followed by an SQL verb as
 * `looksLikeSql` reads one. The lexer stops after the last of these: an `if TYPE_CHECKING:`
 * after it guards no import, and one regular-expression pass costs less than lexing.
 */
const MAY_MATTER = new RegExp(`import|query|select|update|delete|insert|["']${QUOTED_SQL_VERB}`, 'g');

export function extractPython(text: string): PyExtraction {
  return new PyExtractor(text).run();
}

class PyExtractor {
  private readonly lx: PyLexer;
  private readonly pos: TextPositions;
  private readonly imports: ImportRef[] = [];
  private readonly dataAccess: DataAccess[] = [];
  private readonly orm: boolean;
  /** Indentation of the innermost open `if TYPE_CHECKING:` block, or -1. */
  private typeCheckingIndent = -1;
  /** The rest of this logical line follows `if TYPE_CHECKING:` on the same line. */
  private inlineTypeChecking = false;

  /** Tokens starting after this offset add nothing (Infinity: suppression comments are collected to the end). */
  private readonly stopAfter: number;

  constructor(private readonly text: string) {
    const suppressions = mayContainSuppression(text);
    this.lx = new PyLexer(text, suppressions);
    this.pos = new TextPositions(text);
    this.orm = ORM_FILE_HINT.test(text);
    this.stopAfter = suppressions ? Infinity : lastMatchOffset(MAY_MATTER, text);
  }

  run(): PyExtraction {
    const lx = this.lx;
    let t = lx.next();
    let statementStart = true;
    while (t !== P_EOF) {
      if (lx.start > this.stopAfter) break; // a statement reader may run past it
      if (lx.firstOnLine) {
        this.inlineTypeChecking = false;
        if (this.typeCheckingIndent !== -1 && lx.indent <= this.typeCheckingIndent) this.typeCheckingIndent = -1;
      }
      if (t === P_NAME) {
        if (statementStart && (lx.is('import') || lx.is('from'))) {
          t = lx.is('import') ? this.readImport() : this.readFrom();
          statementStart = false;
          continue;
        }
        if (statementStart && lx.is('if')) {
          t = this.readIf();
          continue;
        }
        if (lx.is('query') || (this.orm && this.isOrmConstruct())) {
          t = this.readOrmCall();
          statementStart = false;
          continue;
        }
        statementStart = false;
      } else if (t === P_NEWLINE) {
        statementStart = true;
      } else if (t === P_OP) {
        // `try: import x`, `else: import y`, `a = 1; import b`
        statementStart = lx.op === SEMICOLON || (lx.op === COLON && this.atDepthZeroColon());
      } else {
        if (t === P_STRING && mayStartSql(this.text, lx.valueStart, lx.valueEnd)) this.stringSql();
        statementStart = false;
      }
      t = lx.next();
    }
    this.dataAccess.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
    return { imports: this.imports, dataAccess: this.dataAccess, suppressions: this.suppressions() };
  }

  private typeOnly(): boolean {
    return this.typeCheckingIndent !== -1 || this.inlineTypeChecking;
  }

  private atDepthZeroColon(): boolean {
    // A colon inside brackets (slices, dicts, lambdas in calls) never starts a statement;
    // the lexer knows the depth only implicitly, so look at what follows on the line.
    let p = this.lx.end;
    while (p < this.text.length && (this.text[p] === ' ' || this.text[p] === '\t')) p++;
    return this.text.startsWith('import', p) || this.text.startsWith('from', p);
  }

  /** At `if` starting a statement: notes `if TYPE_CHECKING:` blocks. */
  private readIf(): number {
    const lx = this.lx;
    const indent = lx.indent;
    const first = lx.firstOnLine;
    let t = lx.next();
    if (t === P_NAME && (lx.is('typing') || lx.is('t'))) {
      t = lx.next();
      if (!(lx.isOp(DOT))) return t;
      t = lx.next();
    }
    if (!lx.is('TYPE_CHECKING')) return t;
    t = lx.next();
    if (!(lx.isOp(COLON))) return t;
    t = lx.next();
    if (t === P_NEWLINE) {
      if (first) this.typeCheckingIndent = indent;
    } else {
      this.inlineTypeChecking = true;
      if (t === P_NAME && (lx.is('import') || lx.is('from'))) return lx.is('import') ? this.readImport() : this.readFrom();
    }
    return t;
  }

  /** `import a.b [as c], d` */
  private readImport(): number {
    const lx = this.lx;
    let t = lx.next();
    for (;;) {
      if (t !== P_NAME) return t;
      const start = lx.start;
      const dotted = this.readDotted();
      t = lx.type;
      this.imports.push({ specifier: dotted.name, range: this.pos.range(start, dotted.end), kind: 'import', typeOnly: this.typeOnly() });
      if (lx.is('as')) {
        lx.next();
        t = lx.next();
      }
      if (!(lx.isOp(COMMA))) return t;
      t = lx.next();
    }
  }

  /** At a name: reads `a.b.c`; the current token afterwards is the one after it. */
  private readDotted(): { name: string; end: number } {
    const lx = this.lx;
    let name = lx.tokenText();
    let end = lx.end;
    let t = lx.next();
    while (lx.isOp(DOT) && lx.end - lx.start === 1) {
      t = lx.next();
      if (t !== P_NAME) break;
      name += '.' + lx.tokenText();
      end = lx.end;
      t = lx.next();
    }
    return { name, end };
  }

  /** `from ..a.b import (c, d as e)`, `from . import x`, `from a import *` */
  private readFrom(): number {
    const lx = this.lx;
    let t = lx.next();
    let dots = '';
    let start = -1;
    let end = -1;
    while (lx.isOp(DOT)) {
      if (start === -1) start = lx.start;
      dots += lx.end - lx.start === 3 ? '...' : '.';
      end = lx.end;
      t = lx.next();
    }
    let name = '';
    if (t === P_NAME && !lx.is('import')) {
      if (start === -1) start = lx.start;
      const dotted = this.readDotted();
      name = dotted.name;
      end = dotted.end;
      t = lx.type;
    }
    if (start === -1 || !lx.is('import')) return t;
    const names: string[] = [];
    t = lx.next();
    const parenthesized = lx.isOp(OPEN_PAREN);
    if (parenthesized) t = lx.next();
    for (;;) {
      if (lx.isOp(STAR)) {
        names.push('*');
        t = lx.next();
      } else if (t === P_NAME) {
        names.push(lx.tokenText());
        t = lx.next();
        if (lx.is('as')) {
          lx.next();
          t = lx.next();
        }
      } else break;
      if (!(lx.isOp(COMMA))) break;
      t = lx.next();
    }
    if (parenthesized && lx.isOp(CLOSE_PAREN)) t = lx.next();
    this.imports.push({ specifier: dots + name, range: this.pos.range(start, end), kind: 'import', typeOnly: this.typeOnly(), names });
    return t;
  }

  private isOrmConstruct(): boolean {
    const lx = this.lx;
    const n = lx.end - lx.start;
    return n === 6 && ORM_CONSTRUCTS.has(lx.tokenText());
  }

  /** At `query` / `select` …: `session.query(Ticket, User.id)` records Ticket and User. */
  private readOrmCall(): number {
    const lx = this.lx;
    const isQuery = lx.is('query');
    const afterDot = this.text.charCodeAt(lx.start - 1) === DOT;
    if (isQuery && !afterDot) return lx.next();
    let t = lx.next();
    if (!(lx.isOp(OPEN_PAREN))) return t;
    t = lx.next();
    for (;;) {
      if (t !== P_NAME) return t;
      const c = this.text.charCodeAt(lx.start);
      if (!(c >= 65 && c <= 90) || !/[a-z]/.test(lx.tokenText())) return t;
      const start = lx.start;
      const end = lx.end;
      const name = lx.tokenText();
      t = lx.next();
      while (lx.isOp(DOT)) {
        t = lx.next();
        if (t === P_NAME) t = lx.next();
      }
      if (!((lx.isOp(COMMA) || lx.isOp(CLOSE_PAREN)))) return t;
      this.dataAccess.push({ kind: 'orm', name, range: this.pos.range(start, end) });
      if (lx.op === CLOSE_PAREN) return lx.next();
      t = lx.next();
    }
  }

  private stringSql(): void {
    this.dataAccess.push(...sqlDataAccess(this.text, this.lx.valueStart, this.lx.valueEnd, this.pos));
  }

  private suppressions(): SuppressionComment[] {
    const out: SuppressionComment[] = [];
    for (const c of this.lx.comments) {
      const parsed = parseSuppression(this.text.slice(c.start + 1, c.end));
      if (parsed) out.push({ ...parsed, range: this.pos.range(c.start, c.end) });
    }
    return out;
  }
}
