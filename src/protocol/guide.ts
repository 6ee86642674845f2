// The one message protocol between the Architecture Guide webview and the extension host.
// Requests carry a request id and get exactly one reply with the same id; commands and
// events get none. The host validates every incoming message with parseGuideMessage before
// using it; the webview trusts the host.

import type { GuideAnswers, GuideFlow } from '../core/guide/types';
import { WRITE_STATUSES, type GuideProblem, type WriteStatus } from '../core/guide/records';
import type { ArchitectureOverview } from '../core/overview/overview';
import type { DriftSummary } from '../core/overview/drift';
import { checkAnswers } from '../core/guide/answers';
import { upgradeAnswers } from '../core/guide/split';

export type { DriftSummary, ModulePairDrift } from '../core/overview/drift';
export type { ArchitectureOverview } from '../core/overview/overview';
export { capabilityLabel } from '../core/overview/overview';
export type { GuideAnswers, GuideFlow, GuideStep, GuideField, TableRow, ChoiceOption } from '../core/guide/types';
export type { BaselineChoice, ProposalRow } from '../core/guide/adoption';
export type { GuideProblem } from '../core/guide/records';
export { upgradeAnswers } from '../core/guide/split';
export type { GuideProblemKind, WriteStatus } from '../core/guide/records';
export { WRITE_STATUSES } from '../core/guide/records';

/** What the webview keeps (getState/setState) and the host mirrors in workspace state. */
export interface GuideState {
  version: 1;
  /** The template the answers started from, or undefined before one is picked. */
  template?: string;
  /** Index of the current step; equal to the number of steps on the review page. */
  step: number;
  answers: GuideAnswers;
  tab: GuideTab;
  /** The id of the current step: the flow may change under the index (a product kind adds steps). */
  stepId?: string;
  /** When the webview last changed this state (ms since the epoch): of two copies, the newer wins. */
  savedAt?: number;
  /** What the review page writes the records as; absent: proposed. */
  writeStatus?: WriteStatus;
}

export const GUIDE_TABS = ['guide', 'drift', 'overview'] as const;
export type GuideTab = (typeof GUIDE_TABS)[number];

export interface TemplateSummary {
  id: string;
  label: string;
  description: string;
  /** Example text per field (`fieldId`) or table column (`fieldId.columnId`) that fits this template. */
  placeholders?: Record<string, string>;
}

export interface PlannedRecordPreview {
  id: number;
  title: string;
  status: string;
  /** Workspace-relative path the record will be written to. */
  path: string;
  yaml: string;
  supersedes?: number[];
}

export interface RecordsPreview {
  records: PlannedRecordPreview[];
  /** Conflicts among them block writing; the host refuses to write while there is one. */
  problems: GuideProblem[];
  /** The status asked for; records that supersede one in force are proposed regardless. */
  status: WriteStatus;
  /** Decisions already recorded exactly as answered. */
  unchanged: { slot: string; id: number }[];
  /** The decisions folder, workspace-relative. */
  folder: string;
  /** What the write adds to the baseline file for the pairs baselined on the dependencies step. */
  baseline?: BaselinePreview;
  /** What the first check reports from the code once these records are accepted (with the baseline as the write leaves it). */
  firstCheck?: FirstCheck;
}

export interface FirstCheck {
  total: number;
  /** The first of them, in file order. */
  findings: { rule: string; file: string; line: number; message: string }[];
}

export interface GuideLoaded {
  flow: GuideFlow;
  templates: TemplateSummary[];
  /** The state saved in the workspace, when the webview has none of its own (after a reload). */
  saved?: GuideState;
  /** Workspace folders to suggest for modules and parts. */
  folders: string[];
  drift: DriftSummary;
  overview: ArchitectureOverview;
  /** False when no workspace folder is open: nothing can be written. */
  hasWorkspace: boolean;
  /** How many decision records the workspace has already. */
  recordCount: number;
}

export interface WriteResult {
  /** Workspace-relative paths of the records written. */
  written: string[];
  /**
   * The baseline file, when the write added entries to it for baselined module pairs.
   * `unsaved`: it was open with unsaved changes, so the entries went into its editor (the
   * user's unsaved text kept) and reach the disk, the CLI and CI when the user saves it.
   */
  baseline?: { path: string; entries: number; unsaved?: true };
  /** How many of them were written as accepted; the others are proposed. */
  accepted: number;
}

/** The answers to plan records from, and the status to write new decisions as (absent: proposed). */
export interface RecordsParams {
  answers: GuideAnswers;
  status?: WriteStatus;
}

function isWriteStatus(v: unknown): v is WriteStatus {
  return typeof v === 'string' && (WRITE_STATUSES as readonly string[]).includes(v);
}

/** A module the code suggests (a workspace package, else a top source folder), ranked by its files. */
export interface ModuleProposal {
  name: string;
  /** Folders (or globs) as the modules table takes them. */
  folders: string[];
  /** Source files it holds. */
  files: number;
  /** Why it is proposed, in words: "npm workspace package @acme/api", "folder under src". */
  source: string;
}

export interface DiscoverResult {
  proposals: ModuleProposal[];
  /** Source files of the workspace, and how many no proposal holds. */
  files: number;
  unassigned: number;
  /** False while the first scan runs: the counts may still grow. */
  scanned: boolean;
}

/** A module of the answers, as the host needs it to judge imports: its name and folders. */
export interface ModuleOfAnswers {
  name: string;
  folders: string[];
}

/** The imports of one ordered pair of modules today: `from` imports `to`. */
export interface PairImports {
  from: string;
  to: string;
  imports: number;
  /** The files of `from` with most of these imports, most first (two or three). */
  files: { file: string; imports: number }[];
  /** Files of `from` with such an import, in all. */
  fileCount: number;
  /** `from` and `to` depend on each other through a cycle of modules. */
  inCycle: boolean;
  /**
   * Allowed with every pair that has more imports, this one would make the allowed uses go
   * round in a cycle: "Allow every edge that exists today" baselines it instead, as
   * `adrift init --from-code` does.
   */
  closesCycle: boolean;
}

export interface EdgesResult {
  /** Every pair with at least one import, most imports first. */
  pairs: PairImports[];
  /** Ordered pairs of the modules asked about that import nothing of each other. */
  quietPairs: number;
  /** The groups of modules that depend on each other in a circle, each in the table's order. */
  cycles: string[][];
  scanned: boolean;
  /** What a baselined pair gets unless the user says otherwise. */
  defaults: { reason: string; expires: string };
}

/** The baseline file the write adds entries to (shown on the review page), when some pair is baselined. */
export interface BaselinePreview {
  /** Workspace-relative, the folder's configured baseline file. */
  path: string;
  /** Entries added, per pair. */
  pairs: { from: string; to: string; entries: number; reason: string; expires?: string }[];
  text: string;
}

/** Requests and what their replies carry. */
export interface GuideRequests {
  load: { params: Record<string, never>; result: GuideLoaded };
  startTemplate: { params: { template: string }; result: { answers: GuideAnswers } };
  preview: { params: RecordsParams; result: RecordsPreview };
  write: { params: RecordsParams; result: WriteResult };
  discover: { params: Record<string, never>; result: DiscoverResult };
  edges: { params: { modules: ModuleOfAnswers[] }; result: EdgesResult };
}
export type GuideMethod = keyof GuideRequests;
export const GUIDE_METHODS: readonly GuideMethod[] = ['load', 'startTemplate', 'preview', 'write', 'discover', 'edges'];

export type GuideRequestMessage = {
  [M in GuideMethod]: { type: 'request'; requestId: number; method: M; params: GuideRequests[M]['params'] };
}[GuideMethod];

/** Things the webview asks the host to open or run; no reply. */
export const GUIDE_ACTIONS = ['showModuleMap', 'showProblems', 'checkWorkspace', 'exportOverview', 'showDecisions'] as const;
export type GuideAction = (typeof GUIDE_ACTIONS)[number];

export type GuideCommandMessage =
  | { type: 'saveState'; state: GuideState }
  | { type: 'run'; action: GuideAction }
  /** Open a file (workspace-relative) the guide wrote or listed among a pair's imports; the host opens no other. */
  | { type: 'openFile'; path: string };

export type WebviewToHost = GuideRequestMessage | GuideCommandMessage;

export type HostToWebview =
  | { type: 'reply'; requestId: number; ok: true; result: GuideRequests[GuideMethod]['result'] }
  | { type: 'reply'; requestId: number; ok: false; error: string }
  | { type: 'drift'; drift: DriftSummary }
  | { type: 'overview'; overview: ArchitectureOverview }
  | { type: 'folders'; folders: string[] }
  /** Another webview of the guide (sidebar or editor tab) changed the shared state. */
  | { type: 'state'; state: GuideState }
  /** The flow changed with the answers (e.g. a product kind's pack of steps). */
  | { type: 'flow'; flow: GuideFlow };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MAX_STEP = 100;

export function parseGuideState(v: unknown): Parsed<GuideState> {
  if (!isObject(v)) return { ok: false, error: 'state must be an object' };
  if (v.version !== 1) return { ok: false, error: 'state.version must be 1' };
  if (v.template !== undefined && (typeof v.template !== 'string' || v.template.length > 100)) return { ok: false, error: 'state.template must be a short string' };
  if (typeof v.step !== 'number' || !Number.isInteger(v.step) || v.step < 0 || v.step > MAX_STEP) return { ok: false, error: `state.step must be an integer from 0 to ${MAX_STEP}` };
  if (typeof v.tab !== 'string' || !(GUIDE_TABS as readonly string[]).includes(v.tab)) return { ok: false, error: `state.tab must be one of ${GUIDE_TABS.join(', ')}` };
  const bad = checkAnswers(v.answers);
  if (bad) return { ok: false, error: `state: ${bad}` };
  if (v.stepId !== undefined && (typeof v.stepId !== 'string' || v.stepId.length > 100)) return { ok: false, error: 'state.stepId must be a short string' };
  if (v.savedAt !== undefined && (typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt) || v.savedAt < 0)) return { ok: false, error: 'state.savedAt must be a time in milliseconds' };
  if (v.writeStatus !== undefined && !isWriteStatus(v.writeStatus)) return { ok: false, error: `state.writeStatus must be one of ${WRITE_STATUSES.join(', ')}` };
  // Answers saved by an older guide (the frontend/backend split) are read in today's shape.
  const state: GuideState = { version: 1, step: v.step, answers: upgradeAnswers(v.answers as GuideAnswers), tab: v.tab as GuideTab };
  if (typeof v.template === 'string') state.template = v.template;
  if (typeof v.stepId === 'string') state.stepId = v.stepId;
  if (typeof v.savedAt === 'number') state.savedAt = v.savedAt;
  if (isWriteStatus(v.writeStatus)) state.writeStatus = v.writeStatus;
  return { ok: true, value: state };
}

const MAX_MODULES = 200;

function isShortString(v: unknown, max = 1000): v is string {
  return typeof v === 'string' && v.length <= max;
}

function parseModules(v: unknown): Parsed<{ modules: ModuleOfAnswers[] }> {
  if (!Array.isArray(v) || v.length > MAX_MODULES) return { ok: false, error: `edges: params.modules must be a list of at most ${MAX_MODULES} modules` };
  const modules: ModuleOfAnswers[] = [];
  for (const [i, m] of v.entries()) {
    if (!isObject(m) || !isShortString(m.name, 200) || !Array.isArray(m.folders) || m.folders.length > MAX_MODULES || !m.folders.every((f) => isShortString(f))) {
      return { ok: false, error: `edges: module ${i + 1} must have a name and a list of folders` };
    }
    modules.push({ name: m.name, folders: m.folders as string[] });
  }
  return { ok: true, value: { modules } };
}

function parseParams(method: GuideMethod, params: unknown): Parsed<GuideRequestMessage['params']> {
  if (!isObject(params)) return { ok: false, error: `${method}: params must be an object` };
  switch (method) {
    case 'load':
    case 'discover':
      return Object.keys(params).length === 0 ? { ok: true, value: {} } : { ok: false, error: `${method} takes no params` };
    case 'edges':
      return parseModules(params.modules);
    case 'startTemplate':
      return typeof params.template === 'string' && params.template.length <= 100
        ? { ok: true, value: { template: params.template } }
        : { ok: false, error: 'startTemplate: params.template must be a template id' };
    case 'preview':
    case 'write': {
      const bad = checkAnswers(params.answers);
      if (bad) return { ok: false, error: `${method}: ${bad}` };
      if (params.status !== undefined && !isWriteStatus(params.status)) return { ok: false, error: `${method}: params.status must be one of ${WRITE_STATUSES.join(', ')}` };
      return { ok: true, value: { answers: params.answers as GuideAnswers, ...(params.status ? { status: params.status } : {}) } };
    }
  }
}

/** Checks a message from the webview; anything not exactly in the protocol is rejected with the reason. */
export function parseGuideMessage(data: unknown): Parsed<WebviewToHost> {
  if (!isObject(data)) return { ok: false, error: 'a message must be an object' };
  switch (data.type) {
    case 'request': {
      const { requestId, method } = data;
      if (typeof requestId !== 'number' || !Number.isSafeInteger(requestId) || requestId < 0) return { ok: false, error: 'request: requestId must be a non-negative integer' };
      if (typeof method !== 'string' || !(GUIDE_METHODS as readonly string[]).includes(method)) return { ok: false, error: `request: unknown method ${JSON.stringify(method)}` };
      const params = parseParams(method as GuideMethod, data.params);
      if (!params.ok) return params;
      return { ok: true, value: { type: 'request', requestId, method, params: params.value } as GuideRequestMessage };
    }
    case 'saveState': {
      const state = parseGuideState(data.state);
      return state.ok ? { ok: true, value: { type: 'saveState', state: state.value } } : state;
    }
    case 'run':
      return typeof data.action === 'string' && (GUIDE_ACTIONS as readonly string[]).includes(data.action)
        ? { ok: true, value: { type: 'run', action: data.action as GuideAction } }
        : { ok: false, error: `run: unknown action ${JSON.stringify(data.action)}` };
    case 'openFile':
      return typeof data.path === 'string' && data.path.length > 0 && data.path.length <= 1000
        ? { ok: true, value: { type: 'openFile', path: data.path } }
        : { ok: false, error: 'openFile: path must be a workspace-relative path' };
    default:
      return { ok: false, error: `unknown message type ${JSON.stringify(data.type)}` };
  }
}

export { asExample } from '../core/guide/placeholders';

/**
 * Where `state` stands in `flow`, after the flow changed under it (a product kind brought its
 * own steps): its step found again by id; else the same index, at most the review page.
 */
export function stepIn(flow: GuideFlow, state: Pick<GuideState, 'step' | 'stepId'>): { step: number; stepId?: string } {
  const byId = state.stepId === undefined ? -1 : flow.steps.findIndex((s) => s.id === state.stepId);
  const step = byId >= 0 ? byId : Math.max(0, Math.min(state.step, flow.steps.length));
  const stepId = flow.steps[step]?.id;
  return stepId === undefined ? { step } : { step, stepId };
}
