// The seam between the rules and the language front end: which files there are, what one
// file imports, and where each import leads. The workspace index works through this
// interface, so tests and the benchmark can hand it any implementation; ./front-end.ts
// wires the real extractor and resolver.

import type { DataModelAlias } from './rules/data-index';
import type { Slicer } from './slice';
import type { ExtractedFile, ImportRef, Resolution, SettingsProblem, SkippedFile } from './types';

export interface ImportResolver {
  resolve(fromFile: string, ref: ImportRef): Resolution;
  /** Every target of one import (a `from pkg import a, b` of submodules a and b: both). */
  resolveAll?(fromFile: string, ref: ImportRef): Resolution[];
  /** Tells the resolver a file appeared or went away, so imports of it resolve right. */
  fileAdded?(file: string): void;
  fileRemoved?(file: string): void;
  /** Settings files it could use only in part; each is a skipped-file finding at its place. */
  readonly problems?: readonly SettingsProblem[];
  /** A digest of what `file`'s resolutions depend on besides its imports (see Resolver.inputsKey); without it none are cached. */
  inputsKey?(file: string): string | undefined;
}

export interface SourceListing {
  /** Workspace-relative POSIX paths of the source files to check, sorted. */
  files: string[];
  /** Files left out before reading (too large, a symlink loop ...), with why. */
  skipped: SkippedFile[];
}

export interface SourceAnalyzer {
  listFiles(): Promise<SourceListing>;
  /**
   * Whether Adrift checks a source file at this path: one of a language it reads, and where
   * the last listing would have listed it (not in node_modules, not named by a .gitignore …).
   * A file created or opened later is judged by this, so the editor checks what the CLI does.
   */
  isSourceFile(file: string): boolean;
  extract(file: string, text: string): ExtractedFile | { skipped: string };
  /**
   * Reads what resolution needs: each language's settings files. `slicer`: a sliced scan's
   * (the editor's), whose wait each read goes through (slice.ts, waitingPort).
   */
  createResolver(files: readonly string[], slicer?: Slicer): Promise<ImportResolver>;
  /** ORM models under their other names (Prisma models and their @@map tables); `slicer` as for createResolver. */
  dataModels(files: readonly string[], slicer?: Slicer): Promise<DataModelAlias[]>;
  /** Changes whenever extraction changes, so cached extractions of older versions are not reused. */
  readonly version: string;
}
