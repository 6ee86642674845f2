// A scanned workspace index for adoption, when the caller has none (the CLI): every source
// file read once, judged under the proposed modules; edgeStats and planAdoption then swap
// models on it without reading a file again.

import type { AdriftConfig } from '../config';
import type { FileSystemPort } from '../fs/port';
import { createSourceAnalyzer } from '../engine/front-end';
import { WorkspaceIndex, type ScanOptions, type ScanStats } from '../engine/index';
import { modelOfModules, type ProposedModule } from './model';

export interface AdoptionScanOptions extends ScanOptions {
  /** Keep extractions on disk between runs (default true, as `adrift check`). */
  cache?: boolean;
}

export async function scanForAdoption(
  fs: FileSystemPort,
  root: string,
  modules: readonly ProposedModule[],
  config: Pick<AdriftConfig, 'exclude' | 'scanDotFolders' | 'severity'>,
  options: AdoptionScanOptions = {},
): Promise<{ index: WorkspaceIndex; stats: ScanStats }> {
  const analyzer = createSourceAnalyzer(fs, root, config);
  const index = new WorkspaceIndex(fs, root, config, modelOfModules(modules), analyzer, { cache: options.cache });
  const stats = await index.scan(options);
  return { index, stats };
}
