// The agent tools' names, descriptions and input/output schemas: one definition that the MCP
// server registers and VS Code's language model tools (package.json `languageModelTools`,
// checked against this by a unit test) declare.

import { z } from 'zod';

export const PEOPLE_DECIDE =
  'Agents can only propose: accepting, rejecting or superseding a decision, and editing an accepted record, stay with people, and no tool here does them.';

const finding = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  rule: z.string(),
  severity: z.string(),
  message: z.string(),
  decision: z.object({ id: z.number(), title: z.string(), file: z.string() }).optional(),
  fixes: z.array(z.string()).optional(),
});

export const STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

export const TOOL_SPECS = {
  context: {
    title: 'Architecture context of a path',
    description:
      'For files or folders (workspace-relative): the module, what it may use with the decisions behind each rule, the data it owns and must not touch, forbidden packages and path rules, proposals in flight, and its current findings. Ask before changing a file.',
    input: { paths: z.array(z.string()).max(50).describe('workspace-relative files or folders; empty: the whole workspace') },
    output: { contexts: z.array(z.record(z.unknown())) },
  },
  check: {
    title: 'Check files against the decisions',
    description:
      'Checks files as they are on disk, or with the content you give (an unsaved change), against the accepted decisions (and, with `preview`, proposed ones as if accepted). Returns findings, each naming the decision it breaks and how to fix it. Writes nothing.',
    input: {
      files: z
        .array(z.union([z.string(), z.object({ path: z.string(), content: z.string() })]))
        .min(1)
        .max(200)
        .describe('workspace-relative paths, or {path, content} to check content that is not written yet'),
      preview: z.array(z.number().int().nonnegative()).optional().describe('ids of proposed records to treat as accepted'),
    },
    output: { findings: z.array(finding), checked: z.array(z.string()), notChecked: z.array(z.object({ file: z.string(), reason: z.string() })) },
  },
  may_import: {
    title: 'May this file import that?',
    description:
      'Whether a file may import another workspace file (to_path) or a package, by the same rules as a real import: module boundaries, public entry points, forbidden packages and paths. Give exactly one of to_path and package.',
    input: { from_path: z.string(), to_path: z.string().optional(), package: z.string().optional() },
    output: { allowed: z.boolean(), statement: z.string(), findings: z.array(finding) },
  },
  decisions: {
    title: 'List decision records',
    description: 'The decision records, optionally by status and a text to find in the title, context or tags.',
    input: { status: z.enum(STATUSES).optional(), query: z.string().max(200).optional() },
    output: { decisions: z.array(z.object({ id: z.number(), title: z.string(), status: z.string(), file: z.string(), kind: z.string().optional(), date: z.string() })) },
  },
  decision: {
    title: 'One decision record',
    description: 'A decision record by id: its fields, its YAML text and the findings that name it.',
    input: { id: z.number().int().nonnegative() },
    output: { file: z.string(), record: z.record(z.unknown()), text: z.string(), findings: z.array(finding) },
  },
  propose_decision: {
    title: 'Propose a decision',
    description: `Writes a new decision record with status proposed, for people to review: module edges to allow and/or packages to forbid. ${PEOPLE_DECIDE} Check your change against it with check(preview: [id]).`,
    input: {
      title: z.string().min(1).max(200),
      context: z.string().min(1).max(5000).describe('why the change is needed'),
      rationale: z.string().max(5000).optional(),
      allow: z.array(z.object({ from: z.string(), to: z.string() })).max(50).optional().describe('module edges to allow: from may use to'),
      forbid_packages: z.array(z.object({ name: z.string().min(1), reason: z.string().optional() })).max(50).optional(),
    },
    output: { id: z.number(), file: z.string(), text: z.string() },
  },
} as const;

export type ToolName = keyof typeof TOOL_SPECS;
export type ToolInput<N extends ToolName> = z.infer<z.ZodObject<(typeof TOOL_SPECS)[N]['input']>>;
export type AgentFindingShape = z.infer<typeof finding>;

/** The VS Code language model tool name of an agent tool: `adrift_context`. */
export function lmToolName(name: ToolName): string {
  return `adrift_${name}`;
}
