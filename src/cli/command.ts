// What a CLI command is. Each command lives in its own file under commands/ and is listed
// once in commands/index.ts; main.ts parses the arguments and runs it.

import type { FileSystemPort } from '../core/fs/port';

export const EXIT_OK = 0;
/** Findings (errors) were reported. */
export const EXIT_FINDINGS = 1;
/** Bad usage, or an I/O problem. */
export const EXIT_USAGE = 2;

export interface CliArg {
  name: string;
  description: string;
  optional?: boolean;
  /**
   * Takes every positional argument (zero or more; `ctx.rest`). A command with one has no
   * [dir] argument: its workspace is `--cwd` or the current folder.
   */
  rest?: boolean;
}

export interface CliOption {
  /** Long name without dashes, e.g. `status` for `--status`. */
  name: string;
  /** Placeholder of the value, e.g. `s`; absent for a flag. */
  value?: string;
  description: string;
  /** Allowed values, checked before the command runs. */
  choices?: readonly string[];
  /** The command cannot run without it: shown without brackets in the usage, checked before the command runs. */
  required?: boolean;
  /** May be given more than once: its value is the list of every one given, in order. */
  repeatable?: boolean;
}

export interface CliCommand {
  name: string;
  /** One line for `adrift --help`. */
  summary: string;
  /** Positional arguments before the optional workspace dir. */
  args: readonly CliArg[];
  options: readonly CliOption[];
  /** More help, shown by `adrift <name> --help`. */
  details?: string;
  run(ctx: CommandContext): Promise<number>;
}

export interface CliIO {
  fs: FileSystemPort;
  out(text: string): void;
  /**
   * Writes a piece of output as it is, without a newline; resolves when it may be written
   * more (stdout drained). Absent: output goes through `out`.
   */
  write?(chunk: string): void | Promise<void>;
  err(text: string): void;
  /** The directory relative paths on the command line are resolved against. */
  processCwd: string;
}

export interface CommandContext extends CliIO {
  /** Positional arguments by name (optional ones absent when not given). */
  args: Record<string, string | undefined>;
  /** The positionals a `rest` argument took, as typed. */
  rest?: string[];
  /** Option values by name; flags are `true`, repeatable options a list. */
  options: Record<string, string | string[] | true | undefined>;
  /** Absolute workspace folder, POSIX separators. */
  cwd: string;
  /** Decisions folder override (`--decisions`), relative to the workspace. */
  decisionsFolder?: string;
}

/** A mistake in how the command was called: printed with the usage, exit 2. */
export class UsageError extends Error {}

/** A problem with the content the command was given (a clash, nothing to import): printed without the usage, exit 1. */
export class ContentError extends Error {}
