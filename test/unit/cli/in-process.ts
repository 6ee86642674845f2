// Runs CLI commands in this process over any file-system port (an in-memory workspace,
// say), capturing what they print.

import { runCli } from '../../../src/cli/run';
import type { CliCommand } from '../../../src/cli/command';
import type { FileSystemPort } from '../../../src/core/fs/port';

export async function runInProcess(cwd: string, fs: FileSystemPort, commands: CliCommand[], ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { fs, out: (t: string) => void (out += t + '\n'), err: (t: string) => void (err += t + '\n'), processCwd: cwd };
  const code = await runCli(argv, io, commands, '0.0.0');
  return { code, out, err };
}
