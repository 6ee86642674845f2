// The compiled record schema. schemas/adr.schema.json is the single source of truth; it is
// compiled once per process because compiling costs far more than validating.

import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import recordSchema from '../../../schemas/adr.schema.json';

let compiled: ValidateFunction | undefined;

export const RECORD_SCHEMA = recordSchema as unknown as Record<string, unknown>;

export function recordValidator(): ValidateFunction {
  // strictRequired is off because the `if status is superseded then require superseded_by`
  // rule names a property declared at the top level, which strict mode cannot see.
  compiled ??= new Ajv2020({ allErrors: true, verbose: true, strictRequired: false }).compile(RECORD_SCHEMA);
  return compiled;
}
