// The drift engine's workspace index with the real front end (extraction, resolution,
// Prisma models), reading through the service's overlay so unsaved editors count.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { createSourceAnalyzer } from '../../core/engine/front-end';
import { NodeFileSystem } from '../../core/fs/node';
import { WorkspaceIndex } from '../../core/engine/index';
import { EDITOR_POOL_THRESHOLD, poolThreshold, type BatchRunner } from '../../core/engine/pool';
import type { CreateWorkspaceIndex } from './adriftService';

/**
 * `storage` is the extension's workspace storage folder (context.storageUri): the extraction
 * cache goes there, one folder per workspace folder, instead of into the user's workspace.
 * Without one (no workspace storage) the index keeps no cache rather than litter the folder.
 */
/**
 * `pool`: the extension's extraction workers, shared by every folder's index; a scan of more
 * than EDITOR_POOL_THRESHOLD files, cold or warm, reads and extracts there (the index's `parallel`), and `warn`
 * hears of a batch that fell back to this thread.
 */
export function engineIndexFactory(storage: string | undefined, pool?: BatchRunner, warn?: (message: string) => void): CreateWorkspaceIndex {
  const parallel = pool && { pool, threshold: poolThreshold(EDITOR_POOL_THRESHOLD), warn, everyFile: true };
  return (fs, root, config, model) => {
    const folder = storage === undefined ? undefined : path.posix.join(storage.replace(/\\/g, '/'), 'extractions', createHash('sha1').update(root).digest('hex').slice(0, 12));
    // The cache is Adrift's own data, not the user's: plain disk writes, not WorkspaceEdits.
    const cache = folder === undefined ? false : { folder, fs: new NodeFileSystem() };
    return new WorkspaceIndex(fs, root, config, model, createSourceAnalyzer(fs, root, config), { cache, parallel });
  };
}
