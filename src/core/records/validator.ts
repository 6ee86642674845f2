// The record validator. schemas/adr.schema.json is the single source of truth; ajv compiles it
// at build time (scripts/generate-validator.mjs, run by `npm run build` and `npm run compile`)
// because compiling at run time cost over half a second of every CLI start and blocked the
// extension host at activation. test/unit/records/validator.test.ts fails when the generated
// module is stale or disagrees with a runtime compile of the schema.

import type { ValidateFunction } from 'ajv';
import recordSchema from '../../../schemas/adr.schema.json';
import { validate } from './generated/adr-validator';

export const RECORD_SCHEMA = recordSchema as unknown as Record<string, unknown>;

// The generated module is untyped JavaScript; it has ajv's ValidateFunction shape (it sets
// `errors` on itself after each call), which is all parse.ts relies on.
const generated = validate as unknown as ValidateFunction;

export function recordValidator(): ValidateFunction {
  return generated;
}
