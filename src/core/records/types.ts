// The decision record as it is stored in YAML. schemas/adr.schema.json is the single source
// of truth for what a valid record is; these types mirror it for the code that reads one
// after validation.

import type { Document } from 'yaml';
import type { Finding, Range } from '../findings';

export const DECISION_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const DECISION_KINDS = ['general', 'technology', 'boundaries', 'build-vs-buy', 'evolution'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface DecisionOption {
  name: string;
  description?: string;
  pros?: string[];
  cons?: string[];
}

export interface DecisionOutcome {
  chosen: string;
  rationale?: string;
}

export interface Consequences {
  good?: string[];
  bad?: string[];
  neutral?: string[];
}

/**
 * Markdown of an imported record that no other field holds, kept verbatim so that
 * `adrift export --format madr` writes it back where it was (schema field `extra`).
 */
export interface RecordExtra {
  /** Front-matter keys Adrift has no field for (`parent`, `nav_order` ...). */
  front_matter?: Record<string, unknown>;
  /** Lines under the title that are not status, date or deciders (`> Note: ...`, `Technical Story: ...`). */
  preamble?: string;
  /** Text in Decision Drivers besides the list. */
  drivers?: string;
  /** Text in Considered Options (and Pros and Cons of the Options) besides the options. */
  options?: string;
  /** Text in Consequences besides the list. */
  consequences?: string;
  /** Text in More Information / Links besides the links. */
  links?: string;
  /** Sections Adrift has no field for, in source order, bodies as Markdown (sub-sections included). */
  sections?: { heading: string; body: string }[];
}

export interface DecisionLink {
  title?: string;
  url: string;
}

/** A domain module as one record declares it. Later records may extend or redefine it. */
export interface ModuleDeclaration {
  description?: string;
  /** Globs, relative to the workspace root, of the files that belong to the module. */
  paths?: string[];
  /** The only files other modules may import. Absent: every file of the module is public. */
  public?: string[];
  /** Tables, models or collections the module owns; others must go through its API. */
  owns?: string[];
  /** Modules this module may import. */
  uses?: string[];
}

export type UndeclaredPolicy = 'deny' | 'warn' | 'allow';
export type TypeOnlyPolicy = 'count' | 'ignore';

export interface ForbiddenPackage {
  name: string;
  reason?: string;
}

export interface ForbiddenImport {
  from: string;
  to: string;
  reason?: string;
}

/** What makes a decision checkable in code. */
export interface Enforcement {
  modules?: Record<string, ModuleDeclaration>;
  /** Layers, top first: a module may use the layers below its own (only the next one when `closed`). */
  layers?: (string[] | LayerDeclaration)[];
  /** Cross-module imports that no `uses` allows: a violation (deny), a warning, or fine. */
  undeclared?: UndeclaredPolicy;
  /** Whether type-only imports count as dependencies. */
  type_only?: TypeOnlyPolicy;
  /** `forbid`: packages ruled out; `only_in`: packages only the listed modules may import. */
  packages?: { forbid?: ForbiddenPackage[]; only_in?: Record<string, string[]> };
  imports?: { forbid?: ForbiddenImport[] };
  /** The most debt the decision accepts (`adrift debt`); over it is a decision-budget finding. */
  budget?: DebtBudget;
}

export interface LayerDeclaration {
  /** The layer's name in findings; absent: its modules joined with `+`. */
  name?: string;
  modules: string[];
  /** The layer may use the layer right below it only. */
  closed?: boolean;
}

export interface DebtBudget {
  findings?: number;
  baseline?: number;
  suppressions?: number;
}

export interface BuildOrBuy {
  capability: string;
  choice: 'build' | 'buy';
  vendor?: string;
  /** The domain module the capability lives behind. */
  module?: string;
  reason?: string;
}

export interface EvolutionStage {
  stage: string;
  summary: string;
  trigger?: string;
}

export interface DecisionRecord {
  id: number;
  title: string;
  status: DecisionStatus;
  date: string;
  kind?: DecisionKind;
  /** For technology decisions: what is being chosen (database, queue, file storage, auth ...). */
  area?: string;
  deciders?: string[];
  consulted?: string[];
  informed?: string[];
  tags?: string[];
  context?: string;
  drivers?: string[];
  options?: DecisionOption[];
  decision?: DecisionOutcome;
  consequences?: Consequences;
  supersedes?: number[];
  superseded_by?: number;
  review_by?: string;
  links?: DecisionLink[];
  build_vs_buy?: BuildOrBuy[];
  evolution?: EvolutionStage[];
  enforce?: Enforcement;
  extra?: RecordExtra;
}

// ---- Loaded records: a record file as the store read it, with positions for diagnostics ----


/** The fields a person needs to recognise a record, read even from a record that fails validation. */
export interface RecordHeader {
  id?: number;
  title?: string;
  status?: string;
}

export interface LoadedRecord {
  /** Workspace-relative path, POSIX separators. */
  file: string;
  text: string;
  /** The parsed YAML document (comments and positions kept); undefined when the text was never parsed. */
  doc: Document | undefined;
  /** The validated record; undefined when the file is too broken to use. */
  record?: DecisionRecord;
  header: RecordHeader;
  /** Findings about this file alone (syntax, schema). */
  findings: Finding[];
  /** Range of the key at `path` (or of its value, with 'value'; or the nearest part of it that exists), 0-based. */
  rangeOf(path: readonly (string | number)[], at?: 'key' | 'value'): Range;
  /** The file starts with a UTF-8 byte-order mark (not part of `text`); a write keeps it. */
  bom?: boolean;
  /** Why Adrift will not write this file (not UTF-8, UTF-16, unreadable); every edit refuses it. */
  readOnly?: string;
}

export interface DecisionLog {
  /** Absolute workspace root, POSIX separators. */
  root: string;
  /** Absolute decisions folder. */
  folder: string;
  /** Workspace-relative decisions folder, e.g. docs/adr. */
  folderRelative: string;
  /** Whether the decisions folder exists at all. */
  folderExists: boolean;
  /**
   * Ids the names of the folder's entries announce (NNNN-…), whatever the entry is: a record
   * that could not be read, a symlink, a FIFO. No new record may take one of them.
   */
  fileIds?: number[];
  /**
   * Markdown decision records in the folder (adr-tools, MADR, log4brains), which Adrift does
   * not read, each with the number `adrift import` gives it and, once imported, the YAML
   * record whose header says so (`# Imported from <file> by …`). Their numbers are in `fileIds`.
   */
  markdown?: MarkdownRecordFile[];
  /** Every record file, sorted by id (files without a usable id last, by name). */
  records: LoadedRecord[];
  /** Every finding: those of each record plus the cross-record ones (duplicates, references, lifecycle). */
  findings: Finding[];
}

/** A Markdown decision record in the decisions folder. */
export interface MarkdownRecordFile {
  /** Workspace-relative path. */
  file: string;
  /** The number an import gives it. */
  id: number;
  /** Workspace-relative path of the YAML record imported from it, if there is one. */
  importedAs?: string;
}

/** One file an edit writes; the extension applies it as a WorkspaceEdit, the CLI with writeAtomic. */
export interface FileChange {
  /** Workspace-relative path, POSIX separators. */
  path: string;
  text: string;
  /** Workspace-relative path the file had before, when the edit renames it. */
  renameFrom?: string;
  /** Write a UTF-8 byte-order mark before `text`, as the file had one (editors keep it themselves). */
  bom?: boolean;
}
