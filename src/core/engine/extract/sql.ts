// Tables named by SQL written in string literals. Only text that starts like a statement
// (SELECT/INSERT/UPDATE/DELETE/WITH, after optional whitespace or an opening parenthesis),
// in capitals or with some SQL structure, is read as SQL, so prose such as "Delete from
// your cart?" is not taken for a query.

import type { DataAccess } from '../types';
import type { TextPositions } from '../../records/positions';

/** One table found in a literal: its name and offset within the literal's content. */
export interface SqlTable {
  name: string;
  offset: number;
  length: number;
}

/**
 * Cheap test on a literal's first character (after blanks and parentheses): only literals
 * that may start with SELECT/INSERT/UPDATE/DELETE/WITH are sliced and examined.
 */
export function mayStartSql(text: string, from: number, to: number): boolean {
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    // A `-- comment` line before the statement (sqlc writes `-- name: GetUser :one` first).
    if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const nl = text.indexOf('\n', i);
      if (nl === -1 || nl >= to) return false;
      i = nl;
      continue;
    }
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 40) break;
  }
  if (i >= to) return false;
  const c = text.charCodeAt(i) | 32; // lower case
  return c === 115 || c === 105 || c === 117 || c === 100 || c === 119; // s i u d w
}

const STATEMENT_START = /^(?:[\s(]|--[^\n]*\n)*(select|insert|update|delete|with)\b/i;
// Lower- or mixed-case verbs must show some SQL structure too: "Delete from your cart?" is prose.
const SQL_STRUCTURE = /\b(?:where|join|values|set|group\s+by|order\s+by|limit|returning|on\s+conflict)\b|\*|=|\$\d|%s|:\w/i;
// A table follows FROM, JOIN, INTO, or starts an UPDATE; quoted forms "t", `t`, [t] and a
// schema prefix are allowed.
const TABLE_CLAUSE =
  /\b(from|join|into|update)\s+((?:(?:"[^"\n]+"|`[^`\n]+`|\[[^\]\n]+\]|[A-Za-z_][\w$]*)\s*\.\s*)?(?:"[^"\n]+"|`[^`\n]+`|\[[^\]\n]+\]|[A-Za-z_][\w$]*))(?![\w$])/gi;
const NOT_TABLES = new Set([
  'select', 'set', 'where', 'values', 'lateral', 'only', 'the', 'a', 'an', 'as', 'on',
  'ignore', 'or', 'default', 'using', 'table', 'if', 'exists', 'not', 'distinct',
]);

export function looksLikeSql(content: string): boolean {
  if (content.length < 10) return false;
  const verb = STATEMENT_START.exec(content)?.[1];
  if (verb === undefined) return false;
  return verb === verb.toUpperCase() || SQL_STRUCTURE.test(content);
}

/** Tables named in `content`, with offsets relative to it. Call only when looksLikeSql. */
export function sqlTables(content: string): SqlTable[] {
  const out: SqlTable[] = [];
  TABLE_CLAUSE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TABLE_CLAUSE.exec(content)) !== null) {
    const full = m[2];
    // FROM unnest(…), JOIN generate_series(…): a function, not a table.
    if (/^(?:from|join)$/i.test(m[1]) && nextNonBlank(content, m.index + m[0].length) === 40) continue;
    // The table is the last dotted part; its quotes are not part of the name.
    const dot = lastTopLevelDot(full);
    const part = dot === -1 ? full : full.slice(dot + 1).trimStart();
    const partStart = m.index + m[0].length - part.length;
    const quoted = /^["`[]/.test(part);
    const name = quoted ? part.slice(1, -1) : part;
    if (!quoted && NOT_TABLES.has(name.toLowerCase())) continue;
    out.push({ name, offset: quoted ? partStart + 1 : partStart, length: name.length });
  }
  return out;
}

function lastTopLevelDot(s: string): number {
  let quote = 0;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 96) quote = c;
    else if (c === 91) quote = 93;
    else if (c === 46) last = i;
  }
  return last;
}

function nextNonBlank(s: string, from: number): number {
  let i = from;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9 || s.charCodeAt(i) === 10 || s.charCodeAt(i) === 13)) i++;
  return s.charCodeAt(i);
}

/**
 * The tables named by SQL in one string literal whose content spans
 * text[valueStart, valueEnd), as data access with exact ranges (none when it is not SQL).
 */
export function sqlDataAccess(text: string, valueStart: number, valueEnd: number, pos: TextPositions): DataAccess[] {
  const content = text.slice(valueStart, valueEnd);
  if (!looksLikeSql(content)) return [];
  return sqlTables(content).map((table) => {
    const start = valueStart + table.offset;
    return { kind: 'sql', name: table.name, range: pos.range(start, start + table.length) };
  });
}
