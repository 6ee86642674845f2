// What the service needs from the drift engine's workspace index (src/core/engine). Kept as
// an interface so the service depends on behaviour, and engineExport.ts adapts the engine's
// own class to it in one place.

import type { Finding } from '../../core/findings';
import type { ArchitectureModel } from '../../core/model/types';

export interface ScanOptions {
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

export interface DriftIndex {
  /** Reads every source file (yielding to the event loop between chunks) and checks it. */
  scan(options: ScanOptions): Promise<void>;
  /** Re-evaluates the rules against a new model without re-reading files. */
  setModel(model: ArchitectureModel): void;
  /** Findings of one file from its in-memory text; the index keeps the new text. */
  checkFile(file: string, text: string): Finding[];
  /** The file was deleted (or left the workspace). */
  removeFile(file: string): void;
  /** Every current finding of the workspace, each file's own. */
  findings(): Finding[];
  /** Findings the index would report under another model (preview of a proposed record). */
  findingsUnder(model: ArchitectureModel): Finding[];
}
