// Suppression directives: a comment whose text begins with the marker, followed by a rule and
// a reason after `--`. The reason is required by the rules engine, so a missing one is
// returned as '' for the caller to report, never dropped.

const MARKER = 'adrift-ignore';

/** Cheap test before a file's comments are collected at all. */
export function mayContainSuppression(text: string): boolean {
  return text.includes(MARKER);
}

// What may come before the marker on a comment line: whitespace and the `*` of `/**` or of a
// block comment's continuation line. Anything else (prose, a backtick) means the comment only
// mentions the syntax, as documentation does, and is not a directive.
const LEAD = /^\s*\**\s*/;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
// The marker must stand alone: `adrift-ignore-next` or `adrift-ignored` are other words.
const DIRECTIVE = new RegExp(`^${MARKER}(?=\\s|$)`);

/**
 * The rule and reason of one comment's text (without its `//`, `#` or `/*`, `*\/`), if the
 * comment is a directive: its text, or one line of a block comment, starts with the marker.
 */
export function parseSuppression(comment: string): { rule: string; reason: string } | undefined {
  if (!comment.includes(MARKER)) return undefined;
  const lines = comment.split(LINE_BREAK).map((line) => line.replace(LEAD, ''));
  const at = lines.findIndex((line) => DIRECTIVE.test(line));
  if (at === -1) return undefined;
  // A reason may wrap onto the block comment's following lines.
  let rest = lines.slice(at).join(' ').slice(MARKER.length);
  if (rest.endsWith('*/')) rest = rest.slice(0, -2);
  const dash = rest.indexOf('--');
  const head = (dash === -1 ? rest : rest.slice(0, dash)).trim();
  const rule = head.split(/\s+/)[0] ?? '';
  const reason = dash === -1 ? '' : rest.slice(dash + 2).replace(/\s+/g, ' ').trim();
  return { rule, reason };
}
