// `adrift mcp`: a Model Context Protocol server on stdio for coding agents (see ../mcp.ts).

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT_OK, type CliCommand } from '../command';
import { version } from '../../../package.json';

type McpServer = typeof import('../mcp');

/**
 * The server, loaded on use: the bundle dist/mcp-server.js beside dist/cli.js, or ../mcp.js
 * compiled. It is a bundle of its own because the MCP SDK, zod and ajv are 0.8 MB of the CLI's
 * 1.9 MB that no other command runs, and every start parsed them (20-30 ms, 3 MB). The path is
 * computed so the CLI's bundler does not inline it.
 */
async function loadServer(): Promise<McpServer> {
  const bundled = path.join(__dirname, 'mcp-server.js');
  const compiled = path.join(__dirname, '..', 'mcp.js');
  const file = [bundled, compiled].find((f) => existsSync(f));
  if (!file) throw new Error(`the MCP server is missing: no ${bundled} beside the CLI (reinstall Adrift, or run npm run build)`);
  // A URL, not a path: import() of `C:\…` fails on Windows.
  return (await import(pathToFileURL(file).href)) as McpServer;
}

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
    const { serveMcp } = await loadServer();
    await serveMcp(ctx.fs, ctx.cwd, version, ctx.decisionsFolder);
    return EXIT_OK;
  },
};
