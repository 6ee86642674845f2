// The optional `.adrift.yaml` at the workspace root: where the decisions live, the baseline
// file, extra exclude globs and a severity per rule. The CLI and the extension both find the
// decisions folder through resolveDecisionsFolder, so they always agree.

import * as path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { RULE_IDS, type Finding, type RuleId, type Severity } from './findings';
import { confineToWorkspace, lexicallyInside, OutsideWorkspaceError } from './fs/confine';
import type { FileSystemPort } from './fs/port';
import { TextPositions } from './records/positions';
import { closest } from './records/schema-messages';

export const CONFIG_FILE = '.adrift.yaml';
export const DEFAULT_DECISIONS_FOLDER = 'docs/adr';
/** Tried when the default is absent: MADR's own convention. */
export const ALTERNATE_DECISIONS_FOLDER = 'docs/decisions';
export const DEFAULT_BASELINE_FILE = '.adrift-baseline.json';

export type SeverityOverride = Severity | 'off';

export interface AdriftConfig {
  /** Workspace-relative path of the config file when one was read. */
  file?: string;
  /** Workspace-relative decisions folder given in the config, if any. */
  decisions?: string;
  /** Workspace-relative baseline file. */
  baseline: string;
  exclude: string[];
  /** Read dot-folders other than the well-known tool and cache folders (default true). */
  scanDotFolders: boolean;
  severity: Partial<Record<RuleId, SeverityOverride>>;
  /** Workspace-relative agent instruction files `adrift agents` keeps a section in (default AGENTS.md). */
  agentFiles: string[];
  /** Problems in the config file, each at its key. */
  findings: Finding[];
  /**
   * `decisions` or `baseline` values that lead outside the workspace folder (also in
   * `findings`): while there is one, no command writes anything.
   */
  outside?: Finding[];
  /** Where the `decisions` and `baseline` values stand in the file, for findings about them. */
  valueRanges?: { decisions?: Finding['range']; baseline?: Finding['range'] };
}

const KEYS = ['decisions', 'baseline', 'exclude', 'scan_dot_folders', 'severity', 'agent_files'] as const;
export const DEFAULT_AGENT_FILES = ['AGENTS.md'];
const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'off'];

export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

function defaults(): AdriftConfig {
  return { baseline: DEFAULT_BASELINE_FILE, exclude: [], scanDotFolders: true, severity: {}, agentFiles: [...DEFAULT_AGENT_FILES], findings: [] };
}

/** Reads and checks `.adrift.yaml`; a missing file gives the defaults, a broken one gives findings and the defaults. */
export async function loadConfig(fs: FileSystemPort, root: string): Promise<AdriftConfig> {
  const config = defaults();
  const abs = path.posix.join(toPosix(root), CONFIG_FILE);
  let text: string | undefined;
  try {
    text = await fs.readText(abs);
  } catch (err) {
    config.file = CONFIG_FILE;
    config.findings.push(problem({ start: { line: 0, column: 0 }, end: { line: 0, column: 0 } }, `could not read ${CONFIG_FILE}: ${err instanceof Error ? err.message : String(err)}`));
    return config;
  }
  if (text === undefined) return config;
  config.file = CONFIG_FILE;
  parseConfig(text, config);
  // Spelled inside, but a symbolic link may still lead out.
  for (const key of ['decisions', 'baseline'] as const) {
    const value = key === 'decisions' ? config.decisions : config.baseline;
    const range = config.valueRanges?.[key];
    if (value === undefined || range === undefined) continue;
    try {
      await confineToWorkspace(fs, root, value, 'use');
    } catch (err) {
      if (!(err instanceof OutsideWorkspaceError)) throw err;
      outsideFinding(config, range, `${key} "${value}" leads outside the workspace folder through a symbolic link; Adrift reads and writes only inside it`);
      if (key === 'decisions') config.decisions = undefined;
      else config.baseline = DEFAULT_BASELINE_FILE;
    }
  }
  return config;
}

function outsideFinding(config: AdriftConfig, range: Finding['range'], message: string): void {
  const f = problem(range, message);
  config.findings.push(f);
  (config.outside ??= []).push(f);
}

function problem(range: Finding['range'], message: string): Finding {
  return { rule: 'decision-schema', severity: 'error', file: CONFIG_FILE, range, message };
}

/** Parses the text of `.adrift.yaml` into a config; exported for the extension, which may hold unsaved text. */
export function parseConfig(text: string, config: AdriftConfig = defaults()): AdriftConfig {
  config.file = CONFIG_FILE;
  const pos = new TextPositions(text);
  const at = (node: unknown) => {
    const r = (node as { range?: [number, number, number] } | null)?.range;
    return r ? pos.range(r[0], r[1]) : pos.range(0, 0);
  };
  if (text.length > 100_000) {
    config.findings.push(problem(pos.range(0, 0), `${CONFIG_FILE} is too large to be a configuration file`));
    return config;
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    config.findings.push(problem(pos.range(e.pos[0], e.pos[1]), `YAML syntax error: ${e.message.split('\n')[0]}`));
    return config;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return config;
  if (!isMap(root)) {
    config.findings.push(problem(at(root), `${CONFIG_FILE} must be a mapping with the keys ${KEYS.join(', ')}`));
    return config;
  }
  const text1 = (node: unknown, label: string): string | undefined => {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value.trim();
    config.findings.push(problem(at(node), `${label} must be a path relative to the workspace folder`));
    return undefined;
  };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    switch (key) {
      case 'decisions':
      case 'baseline': {
        const v = text1(value, key);
        if (v === undefined) break;
        // No root is known here: against a root no real path shares, any absolute path is outside.
        if (/^[A-Za-z]:/.test(v) || lexicallyInside('/\0root', toPosix(v)) === undefined) {
          outsideFinding(config, at(value), `${key} "${v}" is outside the workspace folder; give a path inside it, relative to the workspace (Adrift reads and writes only there)`);
          break;
        }
        (config.valueRanges ??= {})[key] = at(value);
        if (key === 'decisions') config.decisions = toPosix(v).replace(/\/+$/, '');
        else config.baseline = toPosix(v);
        break;
      }
      case 'exclude':
        if (isSeq(value) && value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
          config.exclude = value.items.map((i) => String((i as { value: unknown }).value));
        } else config.findings.push(problem(at(value ?? pair.key), 'exclude must be a list of globs, e.g. [generated/**, "**/*.test.ts"]'));
        break;
      case 'agent_files': {
        const items = isSeq(value) ? value.items : undefined;
        if (!items || items.length === 0 || !items.every((i) => isScalar(i) && typeof i.value === 'string' && i.value.trim() !== '')) {
          config.findings.push(problem(at(value ?? pair.key), 'agent_files must be a list of files relative to the workspace, e.g. [AGENTS.md, .github/copilot-instructions.md]'));
          break;
        }
        const files: string[] = [];
        for (const item of items) {
          const v = toPosix(String((item as { value: unknown }).value).trim());
          if (/^[A-Za-z]:/.test(v) || lexicallyInside('/\0root', v) === undefined) outsideFinding(config, at(item), `agent file "${v}" is outside the workspace folder; Adrift writes only inside it`);
          else files.push(v.replace(/^\.\//, ''));
        }
        config.agentFiles = files;
        break;
      }
      case 'scan_dot_folders':
        if (isScalar(value) && typeof value.value === 'boolean') config.scanDotFolders = value.value;
        else config.findings.push(problem(at(value ?? pair.key), 'scan_dot_folders must be true or false'));
        break;
      case 'severity':
        if (!isMap(value)) {
          config.findings.push(problem(at(value ?? pair.key), 'severity must map rule ids to error, warning, info or off'));
          break;
        }
        for (const rp of value.items) {
          const rule = isScalar(rp.key) ? String(rp.key.value) : '';
          const sev = isScalar(rp.value) ? String(rp.value.value) : '';
          if (!(RULE_IDS as readonly string[]).includes(rule)) {
            const guess = closest(rule, RULE_IDS);
            config.findings.push(problem(at(rp.key), `unknown rule "${rule}"${guess ? ` (did you mean "${guess}"?)` : ''}`));
          } else if (!(SEVERITIES as readonly string[]).includes(sev)) {
            config.findings.push(problem(at(rp.value ?? rp.key), `severity of ${rule} must be one of ${SEVERITIES.join(', ')} (found "${sev}")`));
          } else config.severity[rule as RuleId] = sev as SeverityOverride;
        }
        break;
      default: {
        const guess = closest(key, KEYS);
        config.findings.push(problem(at(pair.key), `unknown key "${key}" in ${CONFIG_FILE}${guess ? ` (did you mean "${guess}"?)` : ` (known keys: ${KEYS.join(', ')})`}`));
      }
    }
  }
  return config;
}

/**
 * The workspace-relative decisions folder: an explicit override (CLI flag or editor
 * setting), else `decisions` in `.adrift.yaml`, else docs/adr, else docs/decisions when
 * only that one exists.
 */
export async function resolveDecisionsFolder(fs: FileSystemPort, root: string, config: AdriftConfig, override?: string): Promise<string> {
  const explicit = override?.trim() || config.decisions;
  if (explicit) return toPosix(explicit).replace(/\/+$/, '');
  const r = toPosix(root);
  const isDir = async (rel: string) => (await fs.stat(path.posix.join(r, rel)))?.kind === 'directory';
  if (!(await isDir(DEFAULT_DECISIONS_FOLDER)) && (await isDir(ALTERNATE_DECISIONS_FOLDER))) return ALTERNATE_DECISIONS_FOLDER;
  return DEFAULT_DECISIONS_FOLDER;
}
