// The build-time validator (src/core/records/generated/adr-validator.ts) must behave exactly as
// a runtime compile of schemas/adr.schema.json with the same options: same verdict, same error
// objects (schema-messages.ts reads them). A stale generated module fails here too.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { parse } from 'yaml';
import { RECORD_SCHEMA, recordValidator } from '../../../src/core/records/validator';
import { SCHEMA_FINGERPRINT } from '../../../src/core/records/generated/adr-validator';

function repoRoot(): string {
  let dir = __dirname;
  // tsc copies the schema into its outDir, so look for the generator script, which it does not.
  while (!existsSync(path.join(dir, 'scripts/generate-validator.mjs'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`scripts/generate-validator.mjs not found above ${__dirname}`);
    dir = up;
  }
  return dir;
}

const REPO = repoRoot();

interface Generator {
  VALIDATOR_OPTIONS: Record<string, unknown>;
  expectedFingerprint(): string;
}

async function generator(): Promise<Generator> {
  // A real dynamic import (tsc keeps import() under module Node16): the script is ESM.
  return (await import(pathToFileURL(path.join(REPO, 'scripts/generate-validator.mjs')).href)) as Generator;
}

/** Every decision record in the example workspaces: real records, some with planted mistakes. */
function exampleRecords(): { name: string; data: unknown }[] {
  const found: { name: string; data: unknown }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && /\.ya?ml$/.test(entry.name) && full.includes(`${path.sep}adr${path.sep}`)) {
        try {
          found.push({ name: path.relative(REPO, full), data: parse(readFileSync(full, 'utf8')) as unknown });
        } catch {
          // A record with broken YAML never reaches the validator.
        }
      }
    }
  };
  walk(path.join(REPO, 'examples'));
  walk(path.join(REPO, 'docs/adr'));
  return found;
}

const BASE = { id: 3, title: 'Split into modules', status: 'accepted', date: '2026-11-27' };

/** Hand-made records that touch every kind of keyword in the schema, valid and invalid. */
const CRAFTED: { name: string; data: unknown }[] = [
  { name: 'minimal valid', data: BASE },
  { name: 'full valid', data: { ...BASE, deciders: ['lead'], tags: ['x'], supersedes: [1, 2], review_by: '2027-01-31', enforce: {
    modules: { ticket: { paths: ['src/ticket/**'], public: ['src/ticket/index.ts'], owns: ['tickets'], uses: ['tenant'] }, tenant: { paths: ['src/tenant/**'] } },
    undeclared: 'warn', type_only: 'ignore', packages: { forbid: [{ name: 'lodash', reason: 'size' }] }, imports: { forbid: [{ from: 'src/a/**', to: 'src/b/**' }] },
  } } },
  { name: 'not an object', data: ['a'] },
  { name: 'missing required', data: { title: 'x' } },
  { name: 'wrong types', data: { id: '3', title: 4, status: 'done', date: '27/11/2026', tags: 'x' } },
  { name: 'negative id and bad month', data: { ...BASE, id: -1, date: '2026-13-01' } },
  { name: 'unknown field', data: { ...BASE, colour: 'red' } },
  { name: 'superseded without successor', data: { ...BASE, status: 'superseded' } },
  { name: 'superseded with successor', data: { ...BASE, status: 'superseded', superseded_by: 9 } },
  { name: 'duplicate supersedes', data: { ...BASE, supersedes: [1, 1] } },
  { name: 'bad module name and duplicate uses', data: { ...BASE, enforce: { modules: { Ticket: { paths: [''] }, tenant: { uses: ['a', 'a', 'B'] } } } } },
  { name: 'unknown module field', data: { ...BASE, enforce: { modules: { ticket: { path: 'src' } } } } },
  { name: 'bad enums', data: { ...BASE, enforce: { undeclared: 'maybe', type_only: true } } },
  { name: 'bad forbid lists', data: { ...BASE, enforce: { packages: { forbid: [{ reason: 'x' }, 'lodash'] }, imports: { forbid: [{ from: '' }], extra: 1 } } } },
  { name: 'options with bad entries', data: { ...BASE, considered_options: [{ pros: 'x' }, 5] } },
];

describe('record validator (generated at build time)', () => {
  let runtime: ValidateFunction;

  before(async () => {
    const { VALIDATOR_OPTIONS } = await generator();
    runtime = new Ajv2020(VALIDATOR_OPTIONS).compile(RECORD_SCHEMA);
  });

  it('was generated from the current schema, ajv version and generator', async () => {
    assert.equal(SCHEMA_FINGERPRINT, (await generator()).expectedFingerprint(), 'run `node scripts/generate-validator.mjs` (npm run build / npm run compile do it)');
  });

  it('agrees with a runtime compile on every example record', () => {
    const records = exampleRecords();
    assert.ok(records.length >= 20, `only ${records.length} example records found`);
    for (const { name, data } of records) compare(name, data);
  });

  it('agrees with a runtime compile on crafted valid and invalid records', () => {
    const verdicts = CRAFTED.map(({ name, data }) => compare(name, data));
    // The set really exercises both outcomes, and many kinds of error.
    assert.ok(verdicts.filter((v) => v).length >= 3);
    assert.ok(verdicts.filter((v) => !v).length >= 10);
  });

  function compare(name: string, data: unknown): boolean {
    const generated = recordValidator();
    const expected = runtime(data);
    const expectedErrors = structuredClone(runtime.errors ?? null);
    assert.equal(generated(data), expected, `${name}: verdict`);
    assert.deepEqual(generated.errors ?? null, expectedErrors, `${name}: errors`);
    return expected;
  }
});
