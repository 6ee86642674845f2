// Compiles schemas/adr.schema.json into a standalone validator module at build time, so neither
// the CLI nor the extension host pays for ajv's schema compiler at start (over half a second).
// Run by `npm run build` (esbuild.mjs) and `npm run compile`; run it directly with
// `node scripts/generate-validator.mjs`. The schema stays the single source of truth: the
// generated file carries a fingerprint of the schema, the ajv version and this script, and is
// rewritten whenever that fingerprint changes (or the file is missing).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(repo, 'schemas/adr.schema.json');
export const GENERATED_VALIDATOR = join(repo, 'src/core/records/generated/adr-validator.ts');

// The same options the runtime compile used (and test/unit/records/validator.test.ts still
// uses), so the generated validator reports the same error objects. strictRequired is off
// because the `if status is superseded then require superseded_by` rule names a property
// declared at the top level, which strict mode cannot see.
export const VALIDATOR_OPTIONS = { allErrors: true, verbose: true, strictRequired: false };

function fingerprint(schemaText) {
  const ajvVersion = JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')).version;
  const self = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  return createHash('sha256').update(schemaText).update('\0').update(ajvVersion).update('\0').update(self).digest('hex');
}

function currentFingerprint() {
  if (!existsSync(GENERATED_VALIDATOR)) return undefined;
  const match = /^\/\/ fingerprint: ([0-9a-f]{64})$/m.exec(readFileSync(GENERATED_VALIDATOR, 'utf8').slice(0, 1000));
  return match?.[1];
}

/** Writes the validator module unless it is already current; returns whether it wrote. */
export function generateValidator({ force = false } = {}) {
  const schemaText = readFileSync(schemaPath, 'utf8');
  const print = fingerprint(schemaText);
  if (!force && currentFingerprint() === print) return false;

  const { default: Ajv2020 } = require('ajv/dist/2020');
  const { default: standaloneCode } = require('ajv/dist/standalone');
  const ajv = new Ajv2020({ ...VALIDATOR_OPTIONS, code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(JSON.parse(schemaText)));

  // A .ts file (not .js + .d.ts) so tsc emits it into out/ for the unit tests as well as
  // esbuild bundling it; ajv's output is untyped JavaScript, hence no type checking or lint.
  const header = [
    '/* eslint-disable */',
    '// @ts-nocheck',
    `// Generated from ${relative(repo, schemaPath)} by scripts/generate-validator.mjs; do not edit.`,
    '// `npm run build` and `npm run compile` regenerate it when the schema changes.',
    `// fingerprint: ${print}`,
    `export const SCHEMA_FINGERPRINT = ${JSON.stringify(print)};`,
    '',
  ].join('\n');
  mkdirSync(dirname(GENERATED_VALIDATOR), { recursive: true });
  // Write then rename, so a concurrent build never reads a half-written module.
  const temp = `${GENERATED_VALIDATOR}.${process.pid}.tmp`;
  writeFileSync(temp, `${header}${code}\n`);
  renameSync(temp, GENERATED_VALIDATOR);
  return true;
}

/** The fingerprint the generated module must carry to be current (for the staleness test). */
export function expectedFingerprint() {
  return fingerprint(readFileSync(schemaPath, 'utf8'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const wrote = generateValidator({ force: process.argv.includes('--force') });
  if (wrote) console.log(`generated ${relative(repo, GENERATED_VALIDATOR)}`);
}
