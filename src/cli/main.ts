// The `adrift` command-line tool: a thin shell over src/core. Commands: ./commands/index.ts.

import { NodeFileSystem } from '../core/fs/node';
import { toPosix } from '../core/config';
import { COMMANDS } from './commands';
import { runCli } from './run';
import { version } from '../../package.json';

runCli(
  process.argv.slice(2),
  {
    fs: new NodeFileSystem(),
    out: (text) => process.stdout.write(`${text}\n`),
    write: (chunk) => (process.stdout.write(chunk) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', resolve))),
    err: (text) => process.stderr.write(`${text}\n`),
    processCwd: toPosix(process.cwd()),
  },
  COMMANDS,
  version,
).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`adrift: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
