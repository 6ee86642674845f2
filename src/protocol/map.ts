// The one message protocol between the module map webview and the extension host. Both sides
// import these types; the host checks every incoming message with `parseMapWebviewMessage`
// before it acts on it, since a webview is untrusted input like any other.
//
// No `vscode` and no DOM here: the file compiles in both the extension and the webview.

import { isCount, isRecord, isText } from './checks';

/** A module as the map draws it. */
export interface MapModule {
  name: string;
  description?: string;
  /** Globs of the module's files, shown in the node's tooltip. */
  paths: string[];
  /** The decision that declared the module first. */
  decision?: { id: number; title: string };
  /** The pattern module key it was expanded from (`service-{name}`), if any. */
  pattern?: string;
  /** The index in `MapGraph.layers` of the module's layer; absent: in no layer. */
  layer?: number;
}

/** A layer of `enforce.layers`, top first, as the map labels its band. */
export interface MapLayer {
  name: string;
  closed: boolean;
}

/**
 * One module-to-module edge. `allowed`: some accepted decision lets `from` use `to`.
 * `imports`: how many imports the code actually has along it; `violations`: how many of those
 * are findings (a forbidden dependency, a private import, a cycle ...).
 */
export interface MapEdge {
  id: string;
  from: string;
  to: string;
  allowed: boolean;
  imports: number;
  violations: number;
  /** The decision that allows the edge, when one does. */
  decision?: { id: number; title: string };
}

export interface MapGraph {
  /** Name of the workspace folder the map shows. */
  folder: string;
  modules: MapModule[];
  edges: MapEdge[];
  /** The layers in force, top first; absent or empty: no layering. */
  layers?: MapLayer[];
}

/** One import along an edge, as the edge's list shows it. Positions are 0-based. */
export interface ImportSite {
  file: string;
  line: number;
  column: number;
  specifier: string;
  /** The rule id of the finding on this import, when it breaks a decision. */
  rule?: string;
  message?: string;
}

export type HostToMapMessage =
  | { type: 'graph'; graph: MapGraph }
  | { type: 'edgeImports'; requestId: number; edgeId: string; imports: ImportSite[] }
  /** Asks the map to select an edge as if it had been clicked (e.g. "show on map"). */
  | { type: 'selectEdge'; edgeId: string }
  /** Asks the map for its SVG (the palette's Export Module Map as SVG); it answers with exportSvg. */
  | { type: 'requestExport' }
  | { type: 'exportResult'; requestId: number; saved: boolean; message?: string };

export type MapToHostMessage =
  | { type: 'ready' }
  /** The map finished drawing (after a graph, or after an edge's imports were listed). */
  | { type: 'rendered'; modules: number; edges: number; selectedEdge?: string; listedImports: number }
  | { type: 'showEdge'; requestId: number; edgeId: string }
  | { type: 'openImport'; file: string; line: number; column: number }
  | { type: 'openDecision'; id: number }
  | { type: 'exportSvg'; requestId: number; svg: string };

/** SVG exports larger than this are refused: a map of a few hundred modules stays far below. */
export const MAX_SVG_LENGTH = 5_000_000;

export function edgeId(from: string, to: string): string {
  return `${from}->${to}`;
}

/**
 * Checks a message from the webview. Returns the typed message, or a reason why it was
 * rejected (the host logs the reason and ignores the message).
 */
export function parseMapWebviewMessage(value: unknown): MapToHostMessage | { rejected: string } {
  if (!isRecord(value) || typeof value.type !== 'string') return { rejected: 'not a message object with a type' };
  const m = value;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered':
      if (!isCount(m.modules) || !isCount(m.edges) || !isCount(m.listedImports)) return { rejected: 'rendered: counts must be whole numbers' };
      if (m.selectedEdge !== undefined && !isText(m.selectedEdge)) return { rejected: 'rendered: selectedEdge must be text' };
      return { type: 'rendered', modules: m.modules, edges: m.edges, listedImports: m.listedImports, ...(m.selectedEdge !== undefined ? { selectedEdge: m.selectedEdge as string } : {}) };
    case 'showEdge':
      if (!isCount(m.requestId) || !isText(m.edgeId)) return { rejected: 'showEdge: needs requestId and edgeId' };
      return { type: 'showEdge', requestId: m.requestId, edgeId: m.edgeId };
    case 'openImport':
      if (!isText(m.file, 4096) || !isCount(m.line) || !isCount(m.column)) return { rejected: 'openImport: needs file, line and column' };
      return { type: 'openImport', file: m.file, line: m.line, column: m.column };
    case 'openDecision':
      if (!isCount(m.id)) return { rejected: 'openDecision: id must be a whole number' };
      return { type: 'openDecision', id: m.id };
    case 'exportSvg':
      if (!isCount(m.requestId) || typeof m.svg !== 'string') return { rejected: 'exportSvg: needs requestId and svg' };
      if (m.svg.length > MAX_SVG_LENGTH || !m.svg.trimStart().startsWith('<svg')) return { rejected: 'exportSvg: not an SVG document of acceptable size' };
      return { type: 'exportSvg', requestId: m.requestId, svg: m.svg };
    default:
      return { rejected: `unknown message type "${String(m.type).slice(0, 40)}"` };
  }
}
