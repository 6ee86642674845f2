// `adrift-ignore <rule> -- <reason>` inside a comment. The reason is required by the rules
// engine, so a missing one is returned as '' for the caller to report, never dropped.

const MARKER = 'adrift-ignore';

/** Cheap test before a file's comments are collected at all. */
export function mayContainSuppression(text: string): boolean {
  return text.includes(MARKER);
}

/** The rule and reason of one comment's text (without its `//`, `#` or `/* *\/`), if any. */
export function parseSuppression(comment: string): { rule: string; reason: string } | undefined {
  const at = comment.indexOf(MARKER);
  if (at === -1) return undefined;
  const after = comment.charCodeAt(at + MARKER.length);
  // `adrift-ignore-next` or `adrift-ignored` are other words, not the marker.
  if (after === 45 /* - */ || (after >= 97 && after <= 122)) return undefined;
  let rest = comment.slice(at + MARKER.length);
  if (rest.endsWith('*/')) rest = rest.slice(0, -2);
  const dash = rest.indexOf('--');
  const head = (dash === -1 ? rest : rest.slice(0, dash)).trim();
  const rule = head.split(/\s+/)[0] ?? '';
  const reason = dash === -1 ? '' : rest.slice(dash + 2).trim();
  return { rule, reason };
}
