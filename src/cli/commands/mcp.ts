// `adrift mcp`: a Model Context Protocol server on stdio for coding agents (see ../mcp.ts).

import { EXIT_OK, type CliCommand } from '../command';
// Loaded on use: the SDK is not needed by any other command.
import { version } from '../../../package.json';

export const mcpCommand: CliCommand = {
  name: 'mcp',
  summary: 'serve the agent tools (context, check, may_import, decisions, propose_decision) over MCP on stdio',
  args: [],
  options: [],
  details: [
    'For MCP clients (coding agents). Tools: context, check (also of unsaved content), may_import,',
    'decisions, decision, propose_decision (writes a proposed record only); the records are resources',
    '(adrift://decision/<id>). Agents never accept, reject or supersede a decision. Example client config:',
    '  { "mcpServers": { "adrift": { "command": "npx", "args": ["adrift", "mcp", "--cwd", "."] } } }',
  ].join('\n'),
  async run(ctx) {
    const { serveMcp } = await import('../mcp.js');
    await serveMcp(ctx.fs, ctx.cwd, version, ctx.decisionsFolder);
    return EXIT_OK;
  },
};
