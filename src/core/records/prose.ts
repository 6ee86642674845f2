// The fields of a record a person writes in words, with their paths: what a reviewer reads
// for template text. Identifiers (ids, module names, globs, package names) are not prose.
// Imported Markdown kept in `extra` is prose as well.

import type { DecisionRecord } from './types';
import type { FieldPath } from './yaml-paths';

export interface ProseValue {
  path: FieldPath;
  text: string;
}

export function proseValues(rec: DecisionRecord): ProseValue[] {
  const out: ProseValue[] = [];
  const one = (path: FieldPath, text: unknown) => {
    if (typeof text === 'string') out.push({ path, text });
  };
  const each = (path: FieldPath, list: unknown) => {
    if (Array.isArray(list)) list.forEach((text, i) => one([...path, i], text));
  };
  one(['title'], rec.title);
  each(['deciders'], rec.deciders);
  one(['context'], rec.context);
  each(['drivers'], rec.drivers);
  (rec.options ?? []).forEach((o, i) => {
    one(['options', i, 'name'], o.name);
    one(['options', i, 'description'], o.description);
    each(['options', i, 'pros'], o.pros);
    each(['options', i, 'cons'], o.cons);
  });
  one(['decision', 'chosen'], rec.decision?.chosen);
  one(['decision', 'rationale'], rec.decision?.rationale);
  for (const key of ['good', 'bad', 'neutral'] as const) each(['consequences', key], rec.consequences?.[key]);
  (rec.build_vs_buy ?? []).forEach((b, i) => {
    one(['build_vs_buy', i, 'vendor'], b.vendor);
    one(['build_vs_buy', i, 'reason'], b.reason);
  });
  (rec.evolution ?? []).forEach((e, i) => {
    one(['evolution', i, 'summary'], e.summary);
    one(['evolution', i, 'trigger'], e.trigger);
  });
  for (const [name, m] of Object.entries(rec.enforce?.modules ?? {})) one(['enforce', 'modules', name, 'description'], m.description);
  // The Markdown an import kept beside the fields (a log's own sections, notes, text beside
  // lists) is the record's words too: a TBD under "## KPI dashboard" is as open as one in
  // the context. Front-matter values are metadata (nav_order, parent), not prose.
  for (const key of ['preamble', 'drivers', 'options', 'consequences', 'links'] as const) one(['extra', key], rec.extra?.[key]);
  (rec.extra?.sections ?? []).forEach((s, i) => {
    one(['extra', 'sections', i, 'heading'], s.heading);
    one(['extra', 'sections', i, 'body'], s.body);
  });
  return out;
}
