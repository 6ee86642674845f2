// Where test/fixtures/engine is, from compiled tests wherever they were emitted.

import { existsSync } from 'node:fs';
import * as path from 'node:path';

export function engineFixture(...parts: string[]): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'test', 'fixtures', 'engine'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`test/fixtures/engine not found above ${__dirname}`);
    dir = up;
  }
  return path.join(dir, 'test', 'fixtures', 'engine', ...parts).replace(/\\/g, '/');
}
