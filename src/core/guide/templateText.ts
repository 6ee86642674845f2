// Text the guide wrote on the user's behalf, to be replaced: a rationale nobody gave, a
// template's example answer. It starts with one recognisable marker, so a reviewer sees it
// in the record and lint can flag it in accepted records.

export const TEMPLATE_MARKER = 'TEMPLATE: ';

/** `text` marked as template text to replace (marked once, however often it is passed through). */
export function templateText(text: string): string {
  return isTemplateText(text) ? text : `${TEMPLATE_MARKER}${text}`;
}

/** True when `text` is (or starts with) template text still to be replaced. */
export function isTemplateText(text: string): boolean {
  return text.trimStart().startsWith(TEMPLATE_MARKER.trim());
}
