// `adrift mcp`: the agent tools (src/core/agents) as a Model Context Protocol server on stdio,
// built on the official SDK. Each tool has a JSON Schema for its input and returns structured
// output; bad input is a tool error with a message, never a crash. The records are resources
// too. Agents propose; people decide.

import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { answerTool } from '../core/agents/answer';
import { PEOPLE_DECIDE, TOOL_SPECS, type ToolName } from '../core/agents/schemas';
import { AgentTools, ToolInputError } from '../core/agents/tools';
import type { FileSystemPort } from '../core/fs/port';

/** Runs a tool; a bad request (or any failure) becomes a tool error the agent can read. */
async function call(tools: AgentTools, name: ToolName, input: unknown): Promise<CallToolResult> {
  try {
    const answer = await answerTool(tools, name, input, (p) => tools.proposeDecision(p));
    return { content: [{ type: 'text', text: answer.text }], structuredContent: answer.structured };
  } catch (err) {
    const message = err instanceof ToolInputError ? err.message : `Adrift could not answer: ${err instanceof Error ? err.message : String(err)}`;
    return { isError: true, content: [{ type: 'text', text: message }] };
  }
}

export function createMcpServer(fs: FileSystemPort, root: string, version: string, decisionsFolder?: string): McpServer {
  const tools = new AgentTools(fs, root, decisionsFolder);
  const server = new McpServer(
    { name: 'adrift', version },
    { instructions: `Adrift checks code against the architecture decisions recorded in this repository. Ask \`context\` before changing a file, \`check\` (with unsaved content) before writing it, and \`may_import\` before adding an import. ${PEOPLE_DECIDE}` },
  );
  for (const name of Object.keys(TOOL_SPECS) as ToolName[]) {
    const spec = TOOL_SPECS[name];
    server.registerTool(
      name,
      { title: spec.title, description: spec.description, inputSchema: spec.input, outputSchema: spec.output, ...(name === 'propose_decision' ? { annotations: { destructiveHint: false, idempotentHint: false } } : { annotations: { readOnlyHint: true } }) },
      (input: unknown) => call(tools, name, input),
    );
  }
  server.registerResource(
    'decision-record',
    new ResourceTemplate('adrift://decision/{id}', {
      list: async () => ({
        resources: (await tools.decisions()).map((d) => ({ uri: `adrift://decision/${d.id}`, name: `${String(d.id).padStart(4, '0')} ${d.title}`, mimeType: 'application/yaml', description: `${d.status}, ${d.file}` })),
      }),
    }),
    { title: 'Decision record', description: 'A decision record of the workspace, as YAML', mimeType: 'application/yaml' },
    async (uri, { id }) => {
      const r = await tools.decision(Number(Array.isArray(id) ? id[0] : id));
      return { contents: [{ uri: uri.href, mimeType: 'application/yaml', text: r.text }] };
    },
  );
  return server;
}

/** Serves until stdin closes. */
export async function serveMcp(fs: FileSystemPort, root: string, version: string, decisionsFolder?: string): Promise<void> {
  const server = createMcpServer(fs, root, version, decisionsFolder);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
}
