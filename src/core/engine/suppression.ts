// Inline suppression: `// adrift-ignore <rule> -- <reason>` (or `# …`) silences
// findings of that rule on the comment's own line and on the next line of code. A comment
// without a reason, naming no known rule, or silencing nothing is itself reported, so
// suppressions cannot quietly outlive the code they excused.

import { RULE_IDS, type Finding, type RuleId } from '../findings';
import type { SuppressionComment } from './types';
import { severityFor, type RuleSeverities } from './rules/severity';

export interface SuppressionOutcome {
  kept: Finding[];
  suppressed: Finding[];
  /** The comment that silenced each of `suppressed`, in the same order. */
  suppressedBy: SuppressionComment[];
  /** unused-suppression findings: no reason, unknown rule, or nothing silenced. */
  problems: Finding[];
}

const RULES: ReadonlySet<string> = new Set(RULE_IDS);
const PLAUSIBLE_RULE = /^[A-Za-z0-9_,-]*$/;
const COMMENT_LINE = /^\s*(?:\/\/|#|\/\*|\*|$)/;

/** The 0-based line of the first line of code after `line`, or line + 1 without the text. */
function nextCodeLine(lines: string[] | undefined, line: number): number {
  if (!lines) return line + 1;
  for (let l = line + 1; l < lines.length; l++) if (!COMMENT_LINE.test(lines[l])) return l;
  return line + 1;
}

export function applyInlineSuppressions(
  file: string,
  text: string | undefined,
  comments: SuppressionComment[],
  findings: Finding[],
  severities?: RuleSeverities,
): SuppressionOutcome {
  if (comments.length === 0) return { kept: findings, suppressed: [], suppressedBy: [], problems: [] };
  const lines = text?.split(/\r?\n/);
  const problems: Finding[] = [];
  const severity = severityFor('unused-suppression', severities);
  const problem = (c: SuppressionComment, message: string, fixes: string[]): void => {
    if (severity !== 'off') problems.push({ rule: 'unused-suppression', severity, file, range: c.range, message, fixes });
  };
  const active: { comment: SuppressionComment; rules: Set<string>; lines: [number, number]; used: boolean }[] = [];
  for (const c of comments) {
    // Prose that mentions the syntax (`adrift-ignore <rule> -- <reason>` in a doc comment) is not a suppression.
    if (!PLAUSIBLE_RULE.test(c.rule)) continue;
    const rules = c.rule.split(',').map((r) => r.trim()).filter((r) => r !== '');
    const unknown = rules.filter((r) => !RULES.has(r));
    if (rules.length === 0 || unknown.length > 0) {
      const what = rules.length === 0 ? 'names no rule' : `names unknown rule ${unknown.map((r) => `"${r}"`).join(', ')}`;
      problem(c, `adrift-ignore ${what}: write adrift-ignore <rule> -- <reason>`, ['name a rule id such as module-dependency']);
      continue;
    }
    if (c.reason.trim() === '') {
      problem(c, `adrift-ignore ${rules.join(',')} has no reason, so it suppresses nothing: write adrift-ignore ${rules.join(',')} -- <reason>`, [
        'add the reason after --',
      ]);
      continue;
    }
    active.push({ comment: c, rules: new Set(rules), lines: [c.range.start.line, nextCodeLine(lines, c.range.end.line)], used: false });
  }
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  const suppressedBy: SuppressionComment[] = [];
  for (const f of findings) {
    const by = active.find((a) => a.rules.has(f.rule) && f.range.start.line >= a.lines[0] && f.range.start.line <= a.lines[1]);
    if (by) {
      by.used = true;
      suppressed.push(f);
      suppressedBy.push(by.comment);
    } else kept.push(f);
  }
  for (const a of active) {
    if (!a.used) problem(a.comment, `adrift-ignore ${[...a.rules].join(',')} suppresses nothing here`, ['remove the comment']);
  }
  return { kept, suppressed, suppressedBy, problems };
}

export function isRuleId(s: string): s is RuleId {
  return RULES.has(s);
}
