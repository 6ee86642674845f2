// data-ownership: module A reads or writes data that module B owns — a table named in SQL
// text, a Prisma delegate call, an ORM model — instead of going through B's API.

import type { Finding, RuleId } from '../../findings';
import type { DataAccess } from '../types';
import type { FileFacts, RuleContext } from './context';
import { decisionLabel } from './describe';
import { severityFor } from './severity';

const RULE: RuleId = 'data-ownership';

const KIND_WORDS: Record<DataAccess['kind'], string> = {
  sql: 'table',
  prisma: 'Prisma model',
  orm: 'model',
};

export function checkDataOwnership(ctx: RuleContext, facts: FileFacts, fromModule: string | undefined): Finding[] {
  if (fromModule === undefined || facts.extracted.dataAccess.length === 0) return [];
  const severity = severityFor(RULE, ctx.severities);
  if (severity === 'off') return [];
  const findings: Finding[] = [];
  for (const access of facts.extracted.dataAccess) {
    const owner = ctx.data.ownerOf(access.name);
    if (!owner || owner.module === fromModule) continue;
    const alias = owner.owned === access.name ? '' : ` ("${owner.owned}")`;
    findings.push({
      rule: RULE,
      severity,
      file: facts.file,
      range: access.range,
      message:
        `module "${fromModule}" uses ${KIND_WORDS[access.kind]} "${access.name}"${alias}, which module "${owner.module}" owns: ` +
        `other modules go through ${owner.module}'s API (${decisionLabel(owner.decision)})`,
      decision: owner.decision,
      fromModule,
      toModule: owner.module,
      fixes: [
        `call ${owner.module}'s public API instead of using "${access.name}" directly`,
        `propose a decision that gives "${owner.owned}" to ${fromModule}, or lets ${fromModule} share it`,
      ],
    });
  }
  return findings;
}
