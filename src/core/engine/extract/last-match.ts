// Where the extractors may stop lexing: past the last match of a pattern of the places where
// a token they act on can start, nothing more is found.

/** A quote followed by an SQL verb as `looksLikeSql` reads one, its case-insensitive words spelt out (its `i` flag folds ASCII letters only). */
export const QUOTED_SQL_VERB =
  '(?:[\\s(]|--[^\\n]*\\n)*(?:[sS][eE][lL][eE][cC][tT]|[iI][nN][sS][eE][rR][tT]|[uU][pP][dD][aA][tT][eE]|[dD][eE][lL][eE][tT][eE]|[wW][iI][tT][hH])\\b';

/** Offset of the last match of the global `pattern` in `text`; -1 if none. */
export function lastMatchOffset(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) last = m.index;
  return last;
}
