// The one message protocol between the "Drift over time" webview and the extension host. Both
// sides import these types; the host checks every incoming message with
// `parseDriftWebviewMessage` before it acts on it. The chart's numbers come from the debt
// ledger (src/core/debt/ledger.ts): the webview only draws them.
//
// No `vscode` and no DOM here: the file compiles in both the extension and the webview.

import { isCount, isRecord } from './checks';

/** The debt at one commit of the walk. */
export interface DriftPoint {
  commit: string;
  /** YYYY-MM-DD of the commit. */
  date: string;
  subject: string;
  findings: number;
  baseline: number;
  suppressions: number;
}

export interface DriftChart {
  /** Name of the workspace folder. */
  folder: string;
  /** The decision charted, or undefined for the whole workspace. */
  decision?: { id: number; title: string };
  /** Oldest first; the last point is HEAD. */
  points: DriftPoint[];
  /** The decision's `enforce.budget`, drawn as lines. */
  budget?: { findings?: number; baseline?: number; suppressions?: number };
  /** Every accepted decision, for the scope picker. */
  decisions: { id: number; title: string }[];
  /** Why the history is shorter than asked (a bound, a shallow clone). */
  note?: string;
}

export type HostToDriftMessage =
  | { type: 'chart'; chart: DriftChart }
  /** The ledger is being computed. */
  | { type: 'loading'; what: string }
  /** The ledger cannot be computed here (no git, not a repository ...). */
  | { type: 'problem'; message: string };

export type DriftToHostMessage =
  | { type: 'ready' }
  /** The chart finished drawing. */
  | { type: 'rendered'; points: number; decision?: number }
  /** Chart another scope: a decision by id, or the workspace (no id). */
  | { type: 'showScope'; decision?: number }
  | { type: 'openDecision'; id: number };

/** Checks a message from the webview: the typed message, or why it was rejected. */
export function parseDriftWebviewMessage(value: unknown): DriftToHostMessage | { rejected: string } {
  if (!isRecord(value) || typeof value.type !== 'string') return { rejected: 'not a message object with a type' };
  const m = value;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      if (!isCount(m.points) || (m.decision !== undefined && !isCount(m.decision))) return { rejected: 'rendered: points and decision must be whole numbers' };
      return { type: 'rendered', points: m.points, ...(m.decision !== undefined ? { decision: m.decision as number } : {}) };
    case 'showScope':
      if (m.decision !== undefined && !isCount(m.decision)) return { rejected: 'showScope: decision must be a whole number' };
      return { type: 'showScope', ...(m.decision !== undefined ? { decision: m.decision as number } : {}) };
    case 'openDecision':
      if (!isCount(m.id)) return { rejected: 'openDecision: id must be a whole number' };
      return { type: 'openDecision', id: m.id };
    default:
      return { rejected: `unknown message type "${String(m.type).slice(0, 40)}"` };
  }
}
