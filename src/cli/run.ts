// Argument parsing, help and exit codes for every command, so each command only does its job.

import * as path from 'node:path';
import { toPosix } from '../core/config';
import { ContentError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliCommand, type CliIO, type CliOption, type CommandContext } from './command';

/** Options every command takes. */
const COMMON_OPTIONS: readonly CliOption[] = [
  { name: 'cwd', value: 'dir', description: 'workspace folder (instead of the [dir] argument); default: the current folder' },
  { name: 'decisions', value: 'folder', description: 'decisions folder relative to the workspace; default: `decisions` in .adrift.yaml, else docs/adr' },
  { name: 'help', description: 'show this help' },
];

function usageLine(c: CliCommand): string {
  const args = c.args.map((a) => (a.rest ? `[${a.name}...]` : a.optional ? `[${a.name}]` : `<${a.name}>`));
  const opts = c.options.map((o) => (o.required ? `--${o.name}${o.value ? ` <${o.value}>` : ''}` : `[--${o.name}${o.value ? ` <${o.value}>` : ''}]${o.repeatable ? '...' : ''}`));
  return ['adrift', c.name, ...args, ...(takesRest(c) ? [] : ['[dir]']), ...opts].join(' ');
}

function takesRest(c: CliCommand): boolean {
  return c.args.some((a) => a.rest);
}

export function commandHelp(c: CliCommand): string {
  const lines = [`Usage: ${usageLine(c)}`, '', c.summary];
  if (c.details) lines.push('', c.details.trimEnd());
  const rows: [string, string][] = [...c.args.map((a): [string, string] => [a.name, a.description]), ...(takesRest(c) ? [] : [['dir', 'workspace folder; default: the current folder'] as [string, string]])];
  lines.push('', 'Arguments:', ...table(rows));
  const opts = [...c.options, ...COMMON_OPTIONS].map((o): [string, string] => [
    `--${o.name}${o.value ? ` <${o.value}>` : ''}`,
    (o.required ? 'required: ' : '') + o.description + (o.choices ? ` (${o.choices.join(', ')})` : ''),
  ]);
  lines.push('', 'Options:', ...table(opts));
  lines.push('', 'Exit codes: 0 ok, 1 findings, 2 usage or I/O error.');
  return lines.join('\n');
}

export function generalHelp(commands: readonly CliCommand[], version: string): string {
  return [
    `adrift ${version}: architecture decisions as YAML records, checked against the code.`,
    '',
    'Usage: adrift <command> [arguments] [dir] [options]',
    '',
    'Commands:',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'Run "adrift <command> --help" for the arguments and options of a command.',
    'Findings print as file:line:col rule message. Exit codes: 0 ok, 1 findings, 2 usage or I/O error.',
  ].join('\n');
}

function table(rows: readonly [string, string][]): string[] {
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`);
}

interface Parsed {
  positionals: string[];
  options: Record<string, string | string[] | true | undefined>;
}

function parseArgs(argv: readonly string[], command: CliCommand): Parsed {
  const known = new Map([...command.options, ...COMMON_OPTIONS].map((o) => [o.name, o]));
  const out: Parsed = { positionals: [], options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-h') {
      out.options.help = true;
      continue;
    }
    if (!a.startsWith('--') || a === '-') {
      if (a.startsWith('-') && a !== '-' && !/^-\d/.test(a)) throw new UsageError(`unknown option ${a}`);
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const opt = known.get(name);
    if (!opt) throw new UsageError(`unknown option --${name}`);
    if (!opt.value) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.options[name] = true;
      continue;
    }
    const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value <${opt.value}>`);
    if (opt.choices && !opt.choices.includes(value)) throw new UsageError(`--${name} must be one of ${opt.choices.join(', ')} (got "${value}")`);
    if (!opt.repeatable) out.options[name] = value;
    else {
      const list = out.options[name];
      out.options[name] = [...(Array.isArray(list) ? list : []), value];
    }
  }
  return out;
}

export async function runCli(argv: readonly string[], io: CliIO, commands: readonly CliCommand[], version: string): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.out(target ? commandHelp(target) : generalHelp(commands, version));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.out(version);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`adrift: unknown command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}. Run "adrift --help".`);
    return EXIT_USAGE;
  }
  try {
    const parsed = parseArgs(rest, command);
    if (parsed.options.help) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    const ctx = contextOf(command, parsed, io);
    return await command.run(ctx);
  } catch (err) {
    if (err instanceof ContentError) {
      io.err(`adrift ${command.name}: ${err.message}`);
      return EXIT_FINDINGS;
    }
    if (err instanceof UsageError) {
      io.err(`adrift ${command.name}: ${err.message}\nUsage: ${usageLine(command)}\nRun "adrift ${command.name} --help" for details.`);
      return EXIT_USAGE;
    }
    // An I/O error or a refused edit: say what failed, no stack trace.
    io.err(`adrift ${command.name}: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_USAGE;
  }
}

function contextOf(command: CliCommand, parsed: Parsed, io: CliIO): CommandContext {
  const args: Record<string, string | undefined> = {};
  const pos = [...parsed.positionals];
  if (takesRest(command)) {
    const cwdOpt = parsed.options.cwd;
    const cwd = toPosix(path.resolve(io.processCwd, typeof cwdOpt === 'string' ? cwdOpt : '.'));
    const ctx: CommandContext = { ...io, args, rest: pos, options: parsed.options, cwd };
    if (typeof parsed.options.decisions === 'string') ctx.decisionsFolder = parsed.options.decisions;
    return ctx;
  }
  const required = command.args.filter((a) => !a.optional);
  if (pos.length < required.length) {
    throw new UsageError(`missing ${required.slice(pos.length).map((a) => `<${a.name}>`).join(' ')}`);
  }
  // Required arguments first; optional ones fill in while positionals remain beyond the [dir].
  let optionalLeft = pos.length - required.length;
  for (const a of command.args) {
    if (a.optional) {
      if (optionalLeft > 0 && pos.length > 1) {
        args[a.name] = pos.shift();
        optionalLeft--;
      }
    } else args[a.name] = pos.shift();
  }
  if (pos.length > 1) throw new UsageError(`too many arguments: ${pos.slice(1).join(' ')}`);
  for (const o of command.options) if (o.required && parsed.options[o.name] === undefined) throw new UsageError(`--${o.name} is required${o.choices ? `: ${o.choices.join(' or ')}` : ''}`);
  const dirArg = pos[0];
  const cwdOpt = parsed.options.cwd;
  if (dirArg !== undefined && typeof cwdOpt === 'string') throw new UsageError('give the workspace either as [dir] or with --cwd, not both');
  const dir = dirArg ?? (typeof cwdOpt === 'string' ? cwdOpt : '.');
  const cwd = toPosix(path.resolve(io.processCwd, dir));
  const ctx: CommandContext = { ...io, args, options: parsed.options, cwd };
  if (typeof parsed.options.decisions === 'string') ctx.decisionsFolder = parsed.options.decisions;
  return ctx;
}
