// A finding as agents get it: 1-based positions, the decision it breaks, how to fix it.

import type { Finding } from '../findings';

export interface AgentFinding {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
  decision?: { id: number; title: string; file: string };
  fixes?: string[];
}

export function agentFinding(f: Finding): AgentFinding {
  return {
    file: f.file,
    line: f.range.start.line + 1,
    column: f.range.start.column + 1,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    ...(f.decision ? { decision: { id: f.decision.id, title: f.decision.title, file: f.decision.file } } : {}),
    ...(f.fixes?.length ? { fixes: [...f.fixes] } : {}),
  };
}
