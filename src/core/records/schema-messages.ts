// Turns ajv's validation errors into messages a person understands, each tied to the field
// path it is about, so the finding can point at the offending key or value.

import type { ErrorObject } from 'ajv';
import type { FieldPath } from './yaml-paths';

export interface SchemaProblem {
  path: FieldPath;
  /** Point at the key (unknown field, missing field) or at the value (wrong value). */
  at: 'key' | 'value';
  message: string;
}

type JsonSchema = { [k: string]: unknown };

const DEF_NAMES: Record<string, { one: string; many: string }> = {
  moduleName: { one: 'a module name (lower-case letters, digits and dashes)', many: 'module names' },
  moduleKey: { one: 'a module name (lower-case letters, digits and dashes, or a pattern such as service-{name})', many: 'module names' },
  glob: { one: 'a glob (a file pattern such as src/ticket/**)', many: 'globs (file patterns such as src/ticket/**)' },
  recordId: { one: 'a record id (a whole number, 1 or more)', many: 'record ids (whole numbers)' },
  date: { one: 'a date written YYYY-MM-DD', many: 'dates written YYYY-MM-DD' },
  strings: { one: 'a list of texts', many: 'lists of texts' },
};

function refName(schema: JsonSchema): string | undefined {
  const ref = schema.$ref;
  return typeof ref === 'string' ? ref.replace(/^#\/\$defs\//, '') : undefined;
}

function describe(schema: JsonSchema | undefined, root: JsonSchema, plural: boolean): string {
  if (!schema) return plural ? 'values' : 'a value';
  const name = refName(schema);
  if (name) {
    const known = DEF_NAMES[name];
    if (known) return plural ? known.many : known.one;
    const defs = root.$defs as Record<string, JsonSchema> | undefined;
    return describe(defs?.[name], root, plural);
  }
  if (Array.isArray(schema.enum)) return `${plural ? 'each ' : ''}one of ${schema.enum.join(', ')}`;
  switch (schema.type) {
    case 'string':
      return plural ? 'texts' : 'text';
    case 'integer':
      return plural ? 'whole numbers' : 'a whole number';
    case 'array': {
      const items = schema.items as JsonSchema | undefined;
      return plural ? 'lists' : `a list of ${describe(items, root, true)}`;
    }
    case 'object': {
      const req = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const props = schema.properties ? Object.keys(schema.properties as object) : [];
      if (plural) return req.length ? `entries with ${req.join(' and ')}` : 'mappings';
      return props.length ? `a mapping with the fields ${props.join(', ')}` : 'a mapping of names to entries';
    }
    default:
      return plural ? 'values' : 'a value';
  }
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

export function pathLabel(path: FieldPath): string {
  if (path.length === 0) return 'the record';
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  // Close enough to be a typo: one edit for short words, a third of the letters for longer ones.
  return best !== undefined && bestD <= Math.max(1, Math.floor(word.length / 3)) && bestD < word.length ? best : undefined;
}

function toPath(instancePath: string, data: unknown): (string | number)[] {
  if (!instancePath) return [];
  const out: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let cur = data;
  for (const seg of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[seg] : undefined;
  return cur;
}

function problemOf(e: ErrorObject, data: unknown, root: JsonSchema): SchemaProblem | undefined {
  const path = toPath(e.instancePath, data);
  const label = pathLabel(path);
  const value = valueAt(data, path);
  const parent = (e.parentSchema ?? {}) as JsonSchema;
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = parent.properties ? Object.keys(parent.properties as object) : [];
      const guess = closest(field, known);
      const where = path.length ? ` in ${label}` : '';
      const hint = guess ? ` (did you mean "${guess}"?)` : known.length ? ` (known fields: ${known.join(', ')})` : '';
      return { path: [...path, field], at: 'key', message: `unknown field "${field}"${where}${hint}` };
    }
    case 'required': {
      const field = String(params.missingProperty);
      if (field === 'superseded_by' && e.schemaPath.includes('allOf')) {
        return { path: ['status'], at: 'value', message: 'a superseded record needs superseded_by: the id of the record that replaced it' };
      }
      return { path, at: 'key', message: `${label} is missing the field "${field}"` };
    }
    case 'enum':
      return { path, at: 'value', message: `${label} must be one of ${(params.allowedValues as unknown[]).join(', ')} (found ${describeValue(value)})` };
    case 'propertyNames': {
      const name = String(params.propertyName);
      return { path: [...path, name], at: 'key', message: `"${name}" is not a valid name in ${label}: use lower-case letters, digits and dashes, starting with a letter` };
    }
    case 'pattern': {
      // The pattern check behind a propertyNames error arrives at the map's path; that error says it better.
      if (typeof value !== 'string') return undefined;
      return { path, at: 'value', message: `${label} must be ${describe(parentRef(e, root), root, false)} (found ${describeValue(value)})` };
    }
    case 'minimum':
      return { path, at: 'value', message: `${label} must be ${String(params.limit)} or more (found ${describeValue(value)})` };
    case 'minLength':
      return { path, at: 'value', message: `${label} must not be empty` };
    case 'uniqueItems': {
      const i = Number(params.i);
      return { path: [...path, i], at: 'value', message: `${label} lists ${describeValue(Array.isArray(value) ? value[i] : undefined)} more than once` };
    }
    case 'type':
      return { path, at: 'value', message: `${label} must be ${describe(parentRef(e, root), root, false)} (found ${describeValue(value)})` };
    case 'if':
    case 'allOf':
      return undefined;
    default:
      return { path, at: 'value', message: `${label} ${e.message ?? 'is not valid'}` };
  }
}

/** The schema an error is about, named by its $defs entry where it has one (so "glob", not "string"). */
function parentRef(e: ErrorObject, root: JsonSchema): JsonSchema {
  const m = /^#\/\$defs\/([^/]+)\//.exec(e.schemaPath);
  if (m) return { $ref: `#/$defs/${m[1]}` };
  return (e.parentSchema ?? root) as JsonSchema;
}

/** The problems of the first errors, at most `limit` of them; `more` counts the errors left unread. */
export function schemaProblems(errors: readonly ErrorObject[], data: unknown, root: JsonSchema, limit = Infinity): { problems: SchemaProblem[]; more: number } {
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  let i = 0;
  for (; i < errors.length && out.length < limit; i++) {
    const p = problemOf(errors[i], data, root);
    if (!p) continue;
    const k = `${p.path.join('\u0000')}|${p.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p);
  }
  return { problems: out, more: errors.length - i };
}
