// One tool call of an agent, answered: the structured result and the text a model reads,
// the same for the MCP server and VS Code's language model tools. Findings cite their
// decision as a Markdown link to the record file, which chat views open.

import { contextMarkdown } from './context';
import { TOOL_SPECS, type ToolInput, type ToolName } from './schemas';
import { AgentTools, ToolInputError, type AgentFinding, type ProposalInput } from './tools';
import { adrId } from '../engine/rules/describe';
import { z } from 'zod';

export interface ToolAnswer {
  structured: Record<string, unknown>;
  text: string;
}

/** How the shell writes a proposed record: the CLI directly, the editor through a WorkspaceEdit. */
export type ProposalWriter = (proposal: ProposalInput) => Promise<{ id: number; file: string; text: string }>;

export function findingsText(findings: readonly AgentFinding[]): string {
  if (findings.length === 0) return 'No findings.';
  return findings
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}${f.decision ? ` — [${adrId(f.decision.id)}](${f.decision.file})` : ''}${f.fixes?.length ? ` Fix: ${f.fixes[0]}` : ''}`)
    .join('\n');
}

/** Validates the input against the tool's schema; a mismatch is a ToolInputError naming the field. */
export function parseToolInput<N extends ToolName>(name: N, input: unknown): ToolInput<N> {
  const parsed = z.object(TOOL_SPECS[name].input).strict().safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ToolInputError(`${name}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return parsed.data as ToolInput<N>;
}

export async function answerTool(tools: AgentTools, name: ToolName, rawInput: unknown, writeProposal: ProposalWriter): Promise<ToolAnswer> {
  switch (name) {
    case 'context': {
      const input = parseToolInput('context', rawInput);
      const contexts = await tools.context(input.paths);
      return { structured: { contexts }, text: contextMarkdown(contexts) };
    }
    case 'check': {
      const input = parseToolInput('check', rawInput);
      const r = await tools.check({ files: input.files, ...(input.preview ? { preview: input.preview } : {}) });
      return { structured: r, text: [findingsText(r.findings), ...r.notChecked.map((n) => `${n.file}: not checked (${n.reason})`)].join('\n') };
    }
    case 'may_import': {
      const input = parseToolInput('may_import', rawInput);
      const r = await tools.mayImport(input.from_path, { ...(input.to_path !== undefined ? { path: input.to_path } : {}), ...(input.package !== undefined ? { package: input.package } : {}) });
      return { structured: r, text: r.allowed ? `Allowed: ${r.statement}` : `Not allowed: ${r.statement}\n${findingsText(r.findings)}` };
    }
    case 'decisions': {
      const input = parseToolInput('decisions', rawInput);
      const decisions = await tools.decisions({ ...(input.status ? { status: input.status } : {}), ...(input.query ? { query: input.query } : {}) });
      return { structured: { decisions }, text: decisions.map((d) => `[${adrId(d.id)}](${d.file}) [${d.status}] ${d.title}`).join('\n') || 'No decision records match.' };
    }
    case 'decision': {
      const input = parseToolInput('decision', rawInput);
      const r = await tools.decision(input.id);
      return { structured: { ...r, record: { ...r.record } }, text: `[${adrId(input.id)}](${r.file})\n\n${r.text}\n${r.findings.length ? `Findings naming it:\n${findingsText(r.findings)}` : ''}`.trimEnd() };
    }
    case 'propose_decision': {
      const input = parseToolInput('propose_decision', rawInput);
      const r = await writeProposal({
        title: input.title,
        context: input.context,
        ...(input.rationale ? { rationale: input.rationale } : {}),
        ...(input.allow ? { allow: input.allow } : {}),
        ...(input.forbid_packages ? { forbidPackages: input.forbid_packages } : {}),
      });
      return { structured: r, text: `Wrote [${adrId(r.id)}](${r.file}) as proposed. A person must review and accept it before it holds; check your change against it with check(preview: [${r.id}]).` };
    }
  }
}
