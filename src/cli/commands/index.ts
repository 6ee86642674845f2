// Every command of the CLI, in the order `adrift --help` lists them. To add a command, add a
// file next to this one that exports a CliCommand, and one line here.

import type { CliCommand } from '../command';
import { agentsCommand } from './agents';
import { baselineCommand } from './baseline';
import { checkCommand } from './check';
import { contextCommand } from './context';
import { debtCommand } from './debt';
import { exportCommand } from './export';
import { importCommand } from './import';
import { initCommand } from './init';
import { lintCommand } from './lint';
import { listCommand } from './list';
import { mcpCommand } from './mcp';
import { newCommand } from './new';
import { overviewCommand } from './overview';
import { renumberCommand } from './renumber';
import { showCommand } from './show';
import { statusCommand } from './status';
import { supersedeCommand } from './supersede';
import { syncCommand } from './sync';

export const COMMANDS: readonly CliCommand[] = [
  initCommand,
  newCommand,
  listCommand,
  showCommand,
  lintCommand,
  checkCommand,
  contextCommand,
  agentsCommand,
  mcpCommand,
  baselineCommand,
  debtCommand,
  syncCommand,
  statusCommand,
  supersedeCommand,
  renumberCommand,
  exportCommand,
  importCommand,
  overviewCommand,
];
