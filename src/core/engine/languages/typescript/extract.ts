// Imports, data access and suppression comments of a TypeScript/JavaScript file, read from
// the token stream of ts-lexer in one pass. Each statement reader takes the current token,
// consumes what fits its form and hands back the first token it did not use, so nothing
// that could start another import is ever swallowed.

import type { DataAccess, ImportKind, ImportRef, SuppressionComment } from '../../types';
import { TextPositions } from '../../../records/positions';
import { looksLikeSql, mayStartSql, sqlDataAccess, sqlTables } from '../../extract/sql';
import { mayContainSuppression, parseSuppression } from '../../extract/suppression';
import { lastMatchOffset, QUOTED_SQL_VERB } from '../../extract/last-match';
import {
  TsLexer,
  T_EOF,
  T_IDENT,
  T_PUNCT,
  T_STRING,
  T_TEMPLATE,
  P_EQUALITY,
  P_LOGICAL,
  P_SPREAD,
} from './lexer';
import { CLOSE_BRACE, CLOSE_PAREN, COMMA, DOT, EQUALS, OPEN_BRACE, OPEN_PAREN, STAR } from '../../extract/chars';

/** Where a specifier token was: the token and its content between the quotes. */
interface SpecifierSpan {
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

/** Words after which `typeof` can only be the operator of an expression. */
const VALUE_KEYWORDS = new Set(['return', 'throw', 'case', 'await', 'yield', 'void', 'delete', 'typeof']);

export interface TsExtraction {
  imports: ImportRef[];
  dataAccess: DataAccess[];
  suppressions: SuppressionComment[];
}

const PRISMA_METHODS = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany',
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn',
  'upsert', 'delete', 'deleteMany', 'count', 'aggregate', 'groupBy',
]);


/** Files whose extension allows JSX (plain .ts never does: `<T>x` is a type assertion). */
export function allowsJsx(relPath: string): boolean {
  return !/\.[mc]?ts$/.test(relPath);
}

/**
 * Every place a token the extractor acts on can start: `import`, `require`, an `export`
 * followed by `{`, `*`, `type` or a comment, a Prisma receiver (`db.`, `tx.`, a name
 * containing "prisma") and a quote followed by an SQL verb as `looksLikeSql` reads one
 *. No
 * token that starts after the last of these can add anything, so the lexer stops there:
 * one regular-expression pass costs a fraction of lexing the rest of a file.
 */
const MAY_MATTER = new RegExp(`import|require|export\\s*[{*t/]|db\\.|tx\\.|trx\\.|[pP][rR][iI][sS][mM][aA]|["'\`]${QUOTED_SQL_VERB}`, 'g');

export function extractTypeScript(text: string, jsx: boolean): TsExtraction {
  return new TsExtractor(text, jsx).run();
}

class TsExtractor {
  private readonly lx: TsLexer;
  private readonly pos: TextPositions;
  private readonly imports: ImportRef[] = [];
  private readonly dataAccess: DataAccess[] = [];

  /** Tokens starting after this offset add nothing (Infinity: suppression comments are collected to the end). */
  private readonly stopAfter: number;

  constructor(private readonly text: string, jsx: boolean) {
    const suppressions = mayContainSuppression(text);
    this.lx = new TsLexer(text, jsx, suppressions, true);
    this.pos = new TextPositions(text);
    this.stopAfter = suppressions ? Infinity : lastMatchOffset(MAY_MATTER, text);
  }

  run(): TsExtraction {
    const lx = this.lx;
    let t = lx.next();
    while (t !== T_EOF) {
      // A statement reader may run past the offset; a template still open may hold SQL.
      if (lx.start > this.stopAfter && !lx.insideTemplate()) break;
      if (t === T_IDENT && !this.afterDot()) {
        const n = lx.end - lx.start;
        if (n === 6 && lx.is('import')) {
          t = this.readImport();
          continue;
        }
        if (n === 6 && lx.is('export')) {
          t = this.readExport();
          continue;
        }
        if (n === 7 && lx.is('require')) {
          t = this.readRequire();
          continue;
        }
      }
      if (t === T_IDENT && this.text.charCodeAt(lx.end) === DOT && this.isPrismaReceiver()) {
        t = this.readPrismaCall();
        continue;
      }
      if (t === T_STRING && mayStartSql(this.text, lx.valueStart, lx.valueEnd)) this.stringSql();
      t = lx.next();
    }
    // Templates are complete only at the end of their last piece: read them afterwards.
    for (const tpl of lx.templates) this.templateSql(tpl.pieces);
    this.dataAccess.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
    return { imports: this.imports, dataAccess: this.dataAccess, suppressions: this.suppressions() };
  }

  /** `x.import`, `a?.require(…)`: a property, not the keyword. */
  private afterDot(): boolean {
    return this.lx.prevType === T_PUNCT && this.lx.prevPunct === DOT;
  }

  /** A complete string literal: one still being typed is not an import yet. */
  private isSpecifier(t: number): boolean {
    return (t === T_STRING || t === T_TEMPLATE) && this.lx.terminated;
  }

  private span(): SpecifierSpan {
    const lx = this.lx;
    return { start: lx.start, end: lx.end, valueStart: lx.valueStart, valueEnd: lx.valueEnd };
  }

  private add(kind: ImportKind, typeOnly: boolean, names?: string[], at: SpecifierSpan = this.span()): void {
    let specifier = this.text.slice(at.valueStart, at.valueEnd);
    if (specifier.includes('\\')) specifier = unescape(specifier);
    const ref: ImportRef = { specifier, range: this.pos.range(at.start, at.end), kind, typeOnly };
    if (names) ref.names = names;
    this.imports.push(ref);
  }

  private readImport(): number {
    const lx = this.lx;
    const typeofBefore = lx.prevType === T_IDENT && lx.prevEnd - lx.prevStart === 6 && this.text.startsWith('typeof', lx.prevStart);
    const valueBeforeTypeof = typeofBefore && this.valueOnlyBeforeTypeof();
    const inType = lx.prevOpensType;
    let t = lx.next();
    if (lx.isPunct(OPEN_PAREN)) return this.readImportCall(typeofBefore, valueBeforeTypeof, inType);
    if (this.isSpecifier(t)) {
      this.add('import', false, []);
      return lx.next();
    }
    const names: string[] = [];
    let typeOnly = false;
    let valueBinding = false;
    if (lx.is('type')) {
      t = lx.next();
      // `import type from 'x'`, `import type, { a } from`, `import type = require()`:
      // here `type` is the name of the default binding.
      if ((lx.is('from') && this.peekIsSpecifierAfterFrom()) || ((lx.isPunct(COMMA) || lx.isPunct(EQUALS)))) {
        names.push('default');
        valueBinding = true;
        if (lx.is('from')) return this.readFrom('import', false, names);
      } else typeOnly = true;
    }
    if (t === T_IDENT && !lx.is('from')) {
      names.push('default');
      valueBinding = true;
      t = lx.next();
    }
    if (lx.isPunct(EQUALS)) {
      t = lx.next();
      if (!lx.is('require')) return t;
      t = lx.next();
      if (!(lx.isPunct(OPEN_PAREN))) return t;
      t = lx.next();
      if (!this.isSpecifier(t)) return t;
      this.add('import-equals', typeOnly);
      return lx.next();
    }
    if (lx.isPunct(COMMA)) t = lx.next();
    if (lx.isPunct(STAR)) {
      t = lx.next();
      if (lx.is('as')) t = lx.next();
      if (t === T_IDENT) t = lx.next();
      names.push('*');
      valueBinding = true;
    }
    if (lx.isPunct(OPEN_BRACE)) {
      const list = this.readNameList();
      if (list === undefined) return lx.type;
      names.push(...list.names);
      if (!typeOnly && !valueBinding && list.names.length > 0 && list.allTypes) typeOnly = true;
      t = lx.next();
    }
    if (!lx.is('from')) return t;
    return this.readFrom('import', typeOnly, names);
  }

  /**
   * At `(` after `import`: a dynamic import, or an import type. An import type stands
   * where a type is expected (`let x: import('./t')`, `type A = import('./a')`), names a
   * member (`import('./t').T`, `import('./t').A<B>`) or is a type query (`typeof
   * import('./m')`); a dynamic import is called on (`import('./q').then(…)`) or used as a
   * value, and `typeof import('./v') === 'object'` is the typeof operator on one.
   */
  private readImportCall(typeofBefore: boolean, valueBeforeTypeof: boolean, inType: boolean): number {
    const lx = this.lx;
    let t = lx.next();
    if (!this.isSpecifier(t)) return t;
    const at = this.span();
    t = lx.next();
    if (this.continuesExpression()) return t; // import('./a' + x): no module named here
    let qualified = false;
    if (lx.isPunct(CLOSE_PAREN)) {
      t = lx.next();
      while (lx.isPunct(DOT)) {
        t = lx.next();
        if (t !== T_IDENT) break;
        qualified = true;
        t = lx.next();
      }
    }
    const called = lx.isPunct(OPEN_PAREN);
    const operatorAfter = lx.type === T_PUNCT && (lx.punct === P_EQUALITY || lx.punct === P_LOGICAL || lx.punct === 63);
    const typeOnly = typeofBefore ? !called && !operatorAfter && !valueBeforeTypeof : (qualified || inType) && !called;
    this.add('dynamic', typeOnly, undefined, at);
    return t;
  }

  /** The token before `typeof` (at `import`) says an expression is being read: `!typeof`, `&& typeof`, `return typeof`. */
  private valueOnlyBeforeTypeof(): boolean {
    const lx = this.lx;
    if (lx.prev2Type === T_PUNCT) return lx.prev2Punct === 33 || lx.prev2Punct === P_LOGICAL || lx.prev2Punct === P_EQUALITY;
    return lx.prev2Type === T_IDENT && VALUE_KEYWORDS.has(this.text.slice(lx.prev2Start, lx.prev2End));
  }

  private peekIsSpecifierAfterFrom(): boolean {
    let p = this.lx.end;
    while (p < this.text.length && /\s/.test(this.text[p])) p++;
    const c = this.text.charCodeAt(p);
    return c === 39 || c === 34;
  }

  /** At `from`: reads the specifier and records the import. */
  private readFrom(kind: ImportKind, typeOnly: boolean, names: string[]): number {
    const t = this.lx.next();
    if (!this.isSpecifier(t)) return t;
    this.add(kind, typeOnly, names);
    return this.lx.next();
  }

  /**
   * At `{`: reads `a, type b, c as d, "e-f" as g` up to `}`. Returns the imported names and
   * whether every one was marked `type`; undefined if the list is not one (the current
   * token is then the first one that did not fit).
   */
  private readNameList(): { names: string[]; allTypes: boolean } | undefined {
    const lx = this.lx;
    const names: string[] = [];
    let allTypes = true;
    let t = lx.next();
    while (!(lx.isPunct(CLOSE_BRACE))) {
      if (t !== T_IDENT && t !== T_STRING) return undefined;
      let isType = false;
      if (lx.is('type')) {
        const typeText = 'type';
        t = lx.next();
        if (t === T_IDENT && !lx.is('as')) isType = true;
        else if (t === T_STRING) isType = true;
        else if (lx.is('as')) {
          // `type as x` imports `type`; `type as as x` imports `as` as a type.
          names.push(typeText);
          allTypes = false;
          t = this.skipAlias();
          if (lx.isPunct(COMMA)) t = lx.next();
          continue;
        } else {
          names.push(typeText);
          allTypes = false;
          if (lx.isPunct(COMMA)) t = lx.next();
          continue;
        }
      }
      names.push(t === T_STRING ? this.text.slice(lx.valueStart, lx.valueEnd) : lx.tokenText());
      if (!isType) allTypes = false;
      t = lx.next();
      if (lx.is('as')) t = this.skipAlias();
      if (lx.isPunct(COMMA)) t = lx.next();
      else if (!(lx.isPunct(CLOSE_BRACE))) return undefined;
    }
    return { names, allTypes };
  }

  /** At `as`: skips it and the alias; returns the token after. */
  private skipAlias(): number {
    const lx = this.lx;
    lx.next();
    if (lx.type === T_IDENT || lx.type === T_STRING) return lx.next();
    return lx.type;
  }

  private readExport(): number {
    const lx = this.lx;
    let t = lx.next();
    let typeOnly = false;
    if (lx.is('type')) {
      t = lx.next();
      if (!((lx.isPunct(OPEN_BRACE) || lx.isPunct(STAR)))) return t;
      typeOnly = true;
    }
    if (lx.isPunct(STAR)) {
      t = lx.next();
      if (lx.is('as')) t = this.skipAlias();
      if (!lx.is('from')) return t;
      return this.readFrom('export', typeOnly, ['*']);
    }
    if (lx.isPunct(OPEN_BRACE)) {
      const list = this.readNameList();
      if (list === undefined) return lx.type;
      t = lx.next();
      if (!lx.is('from')) return t; // a local export list
      const allTypes = list.names.length > 0 && list.allTypes;
      return this.readFrom('export', typeOnly || allTypes, list.names);
    }
    return t;
  }

  private readRequire(): number {
    const lx = this.lx;
    let t = lx.next();
    if (!(lx.isPunct(OPEN_PAREN))) return t;
    t = lx.next();
    if (!this.isSpecifier(t)) return t;
    const at = this.span();
    t = lx.next();
    if (!this.continuesExpression()) this.add('require', false, undefined, at);
    return t;
  }

  /**
   * After a specifier argument: an operator (`'./a' + x`, `'./a'.replace(…)`) makes the
   * argument an expression, not a module name. The end of the call, a second argument
   * (import attributes) or anything else (a call still being typed) leaves it one.
   */
  private continuesExpression(): boolean {
    const lx = this.lx;
    if (lx.type !== T_PUNCT) return false;
    const p = lx.punct;
    return !(p === CLOSE_PAREN || p === COMMA || p === 59 || p === CLOSE_BRACE || p === 93);
  }

  private isPrismaReceiver(): boolean {
    const lx = this.lx;
    const n = lx.end - lx.start;
    if (n === 2) return lx.is('db') || lx.is('tx');
    if (n === 3) return lx.is('trx');
    if (n < 6) return false;
    const word = lx.tokenText();
    return /prisma/i.test(word);
  }

  /** At the receiver: `prisma.ticket.update(` records the `ticket` delegate. */
  private readPrismaCall(): number {
    const lx = this.lx;
    if (lx.prevType === T_PUNCT && lx.prevPunct === P_SPREAD) return lx.next();
    let t = lx.next();
    if (!(lx.isPunct(DOT))) return t;
    t = lx.next();
    if (t !== T_IDENT || lx.text0() === 36 /* $ */) return t;
    const delegateStart = lx.start;
    const delegateEnd = lx.end;
    t = lx.next();
    if (!(lx.isPunct(DOT))) return t;
    t = lx.next();
    if (t !== T_IDENT || !PRISMA_METHODS.has(lx.tokenText())) return t;
    t = lx.next();
    if (!(lx.isPunct(OPEN_PAREN))) return t;
    this.dataAccess.push({
      kind: 'prisma',
      name: this.text.slice(delegateStart, delegateEnd),
      range: this.pos.range(delegateStart, delegateEnd),
    });
    return lx.next();
  }

  private stringSql(): void {
    this.dataAccess.push(...sqlDataAccess(this.text, this.lx.valueStart, this.lx.valueEnd, this.pos));
  }

  /** A template's pieces, with each `${…}` blanked to spaces so offsets stay exact. */
  private templateSql(pieces: number[]): void {
    if (pieces.length === 0) return;
    const base = pieces[0];
    let content = '';
    for (let i = 0; i < pieces.length; i += 2) {
      if (i > 0) content += ' '.repeat(pieces[i] - pieces[i - 1]);
      content += this.text.slice(pieces[i], pieces[i + 1]);
    }
    if (!looksLikeSql(content)) return;
    for (const table of sqlTables(content)) {
      const start = base + table.offset;
      // A name that runs into a substitution is not a table written in the code.
      if (this.text.slice(start, start + table.length) !== table.name) continue;
      this.dataAccess.push({ kind: 'sql', name: table.name, range: this.pos.range(start, start + table.length) });
    }
  }

  private suppressions(): SuppressionComment[] {
    const out: SuppressionComment[] = [];
    for (const c of this.lx.comments) {
      const parsed = parseSuppression(this.text.slice(c.textStart, c.textEnd));
      if (parsed) out.push({ ...parsed, range: this.pos.range(c.start, c.end) });
    }
    return out;
  }
}

function unescape(s: string): string {
  return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])/g, (_m, e: string) => {
    if (e[0] === 'u' && e.length > 1) return String.fromCodePoint(parseInt(e[1] === '{' ? e.slice(2, -1) : e.slice(1), 16));
    if (e[0] === 'x' && e.length === 3) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\n' || e === '\r\n' || e === '\r') return '';
    return e;
  });
}
