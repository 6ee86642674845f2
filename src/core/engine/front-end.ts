// The real front end of the engine: engineer-facing names for "list the workspace's source
// files, extract one file, resolve its imports, read the Prisma schemas".

import * as path from 'node:path';
import type { FileSystemPort } from '../fs/port';
import type { ImportResolver, SourceAnalyzer } from './analyzer';
import { extractFile, parsePrismaSchema } from './extract';
import { listSourceFiles, sourcePathTest } from './files';
import { createResolver } from './resolve';
import { waitingPort } from './slice';
import type { DataModelAlias } from './rules/data-index';

/** Bump when extraction output changes shape or meaning: cached extractions are dropped. */
const EXTRACTION_VERSION = 'extract-4';

export function createSourceAnalyzer(fs: FileSystemPort, root: string, config: { exclude?: string[]; scanDotFolders?: boolean }): SourceAnalyzer {
  let configFiles: string[] = [];
  const options = { exclude: config.exclude ?? [], dotFolders: config.scanDotFolders };
  // Until the first walk has read the .gitignore files, only the fixed rules are known.
  let accepts = sourcePathTest(options);
  return {
    version: EXTRACTION_VERSION,
    async listFiles() {
      const listing = await listSourceFiles(fs, root, options);
      configFiles = listing.configFiles;
      accepts = listing.accepts;
      return { files: listing.files, skipped: listing.skipped };
    },
    isSourceFile: (file) => accepts(file),
    extract: extractFile,
    async createResolver(files, slicer): Promise<ImportResolver> {
      return createResolver(slicer ? waitingPort(fs, slicer) : fs, root, files, { configFiles });
    },
    async dataModels(_files, slicer): Promise<DataModelAlias[]> {
      const out: DataModelAlias[] = [];
      const reader = slicer ? waitingPort(fs, slicer) : fs;
      for (const file of configFiles.filter((f) => f.endsWith('.prisma'))) {
        const text = await reader.readText(path.posix.join(root, file)).catch(() => undefined);
        if (text === undefined) continue;
        for (const m of parsePrismaSchema(text)) out.push({ model: m.name, table: m.table });
      }
      return out;
    },
  };
}
