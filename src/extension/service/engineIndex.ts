// The drift engine's workspace index with the real front end (extraction, resolution,
// Prisma models), reading through the service's overlay so unsaved editors count.

import { createSourceAnalyzer } from '../../core/engine/front-end';
import { WorkspaceIndex } from '../../core/engine/index';
import type { CreateWorkspaceIndex } from './adriftService';

export const createEngineIndex: CreateWorkspaceIndex = (fs, root, config, model) =>
  new WorkspaceIndex(fs, root, config, model, createSourceAnalyzer(fs, root, config));
