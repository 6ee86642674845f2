// The registry of question packs: one line per product kind. A pack is one data file here.

import type { GuidePack } from '../types';
import { AI_PRODUCT_PACK } from './ai-product';
import { B2B_SAAS_PACK } from './b2b-saas';
import { DEVELOPER_TOOL_PACK } from './developer-tool';

export const GUIDE_PACKS: readonly GuidePack[] = [B2B_SAAS_PACK, DEVELOPER_TOOL_PACK, AI_PRODUCT_PACK];
