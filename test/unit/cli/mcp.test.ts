// `adrift mcp` driven by the MCP SDK's own client over real stdio, along the path a coding
// agent takes in the help-desk example, plus bad input and a burst of calls.

import * as assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { CLI, REPO, cleanUp, workspace } from './run-cli';

type Result = Awaited<ReturnType<Client['callTool']>>;

function structured<T>(r: Result): T {
  assert.ok(!r.isError, JSON.stringify(r.content));
  return r.structuredContent as T;
}

function errorText(r: Result): string {
  assert.equal(r.isError, true, JSON.stringify(r));
  return (r.content as { type: string; text: string }[]).map((c) => c.text).join('\n');
}

interface F {
  file: string;
  rule: string;
  message: string;
  decision?: { id: number };
  fixes?: string[];
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0);
}

describe('adrift mcp', function () {
  this.timeout(180_000);
  let ws: string;
  let client: Client;
  let transport: StdioClientTransport;

  before(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run "npm run build" first');
    ws = workspace();
    cpSync(path.join(REPO, 'examples/helpdesk'), ws, { recursive: true });
    transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--cwd', ws], stderr: 'pipe' });
    client = new Client({ name: 'adrift-test-agent', version: '1.0.0' });
    await client.connect(transport);
  });
  after(async () => {
    await client?.close();
    cleanUp();
  });

  it('lists its tools, each with a JSON Schema for its input and output, and says people decide', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['check', 'context', 'decision', 'decisions', 'may_import', 'propose_decision']);
    for (const t of tools) {
      assert.equal(t.inputSchema.type, 'object', t.name);
      assert.equal(t.outputSchema?.type, 'object', t.name);
    }
    assert.match(tools.find((t) => t.name === 'propose_decision')?.description ?? '', /stay with people/);
    const resources = await client.listResources();
    assert.ok(resources.resources.some((r) => r.uri === 'adrift://decision/3'));
    const read = await client.readResource({ uri: 'adrift://decision/3' });
    assert.match((read.contents[0] as { text: string }).text, /^title: Split the help desk/m);
  });

  it('follows an agent: context of ticket, a change importing knowledgebase internals, a proposal, the change against the proposal', async () => {
    // 1. The context of the ticket module.
    const ctx = structured<{ contexts: { module?: { name: string }; mayUse: { module: string }[] }[] }>(await client.callTool({ name: 'context', arguments: { paths: ['src/server/ticket'] } }));
    assert.equal(ctx.contexts[0].module?.name, 'ticket');
    assert.ok(!ctx.contexts[0].mayUse.some((u) => u.module === 'knowledgebase'));

    // 2. An unsaved change: ticket imports knowledgebase internals. Nothing is written.
    const file = 'src/server/ticket/related.ts';
    const content = "import { searchArticles } from '../knowledgebase/search';\nexport const related = searchArticles;\n";
    const before = readdirSync(path.join(ws, 'src/server/ticket')).sort();
    const checked = structured<{ findings: F[]; checked: string[] }>(await client.callTool({ name: 'check', arguments: { files: [{ path: file, content }] } }));
    assert.deepEqual(checked.checked, [file]);
    const rules = checked.findings.filter((f) => f.file === file).map((f) => f.rule).sort();
    assert.deepEqual(rules, ['module-dependency']);
    assert.ok(checked.findings.every((f) => f.decision?.id === 3), JSON.stringify(checked.findings));
    assert.deepEqual(readdirSync(path.join(ws, 'src/server/ticket')).sort(), before);

    // may_import agrees with check.
    const may = structured<{ allowed: boolean }>(await client.callTool({ name: 'may_import', arguments: { from_path: file, to_path: 'src/server/knowledgebase/index.ts' } }));
    assert.equal(may.allowed, false);
    const pkg = structured<{ allowed: boolean; findings: F[] }>(await client.callTool({ name: 'may_import', arguments: { from_path: file, package: 'mongoose' } }));
    assert.equal(pkg.allowed, false);
    assert.equal(pkg.findings[0]?.decision?.id, 5);
    assert.equal(structured<{ allowed: boolean }>(await client.callTool({ name: 'may_import', arguments: { from_path: file, to_path: 'src/server/user/index.ts' } })).allowed, true);

    // 3. Propose the edge: a new proposed record, nothing else.
    const proposal = structured<{ id: number; file: string }>(
      await client.callTool({
        name: 'propose_decision',
        arguments: { title: 'Let ticket suggest articles from the knowledge base', context: 'Agents want related articles next to a ticket.', allow: [{ from: 'ticket', to: 'knowledgebase' }] },
      }),
    );
    const text = readFileSync(path.join(ws, proposal.file), 'utf8');
    assert.match(text, /^status: proposed$/m);
    assert.match(text, /knowledgebase/);

    // 4. The same change against the proposal: the edge is allowed; reaching past index.ts is still not.
    const previewed = structured<{ findings: F[] }>(await client.callTool({ name: 'check', arguments: { files: [{ path: file, content }], preview: [proposal.id] } }));
    assert.deepEqual(previewed.findings.filter((f) => f.file === file).map((f) => f.rule), ['private-import']);
    const fixed = content.replace('../knowledgebase/search', '../knowledgebase');
    const clean = structured<{ findings: F[] }>(await client.callTool({ name: 'check', arguments: { files: [{ path: file, content: fixed }], preview: [proposal.id] } }));
    assert.deepEqual(clean.findings.filter((f) => f.file === file), []);
  });

  it('answers bad input with a tool error and keeps serving', async () => {
    assert.match(errorText(await client.callTool({ name: 'context', arguments: { paths: ['../../etc/passwd'] } })), /outside the workspace/);
    assert.match(errorText(await client.callTool({ name: 'check', arguments: { files: [{ path: '/etc/passwd', content: 'x' }] } })), /outside the workspace/);
    assert.match(errorText(await client.callTool({ name: 'decision', arguments: { id: 999 } })), /no decision record 999/);
    assert.match(errorText(await client.callTool({ name: 'propose_decision', arguments: { title: 'x', context: 'y', allow: [{ from: 'ticket', to: 'nope' }] } })), /no accepted decision declares a module "nope"/);
    assert.match(errorText(await client.callTool({ name: 'check', arguments: { files: ['src'], preview: [3] } })), /record 3 is accepted, not proposed/);
    assert.match(errorText(await client.callTool({ name: 'may_import', arguments: { from_path: 'README.md', package: 'x' } })), /not a source file/);
    // Arguments that do not fit the schema.
    const wrong = await client.callTool({ name: 'decision', arguments: { id: 'three' } }).then(
      (r) => (r.isError ? errorText(r) : 'accepted'),
      (err: unknown) => String(err),
    );
    assert.match(wrong, /id|invalid|Expected/i);
    assert.notEqual(wrong, 'accepted');
    // Still serving, and nothing was written outside the decisions folder.
    assert.ok(structured<{ decisions: unknown[] }>(await client.callTool({ name: 'decisions', arguments: {} })).decisions.length >= 12);
  });

  it('takes 1,000 rapid calls without growing', async () => {
    const pid = transport.pid;
    assert.ok(pid);
    // Most calls list the records; one in twenty checks unsaved content, which scans the workspace.
    const content = "import { searchArticles } from '../knowledgebase/search';\n";
    const burst = async (n: number) => {
      for (let i = 0; i < n; i += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, j) =>
            j % 20 === 0
              ? client.callTool({ name: 'check', arguments: { files: [{ path: 'src/server/ticket/x.ts', content }] } })
              : client.callTool({ name: 'decisions', arguments: { query: 'ticket' } }),
          ),
        );
      }
    };
    await burst(200); // warm up
    const before = rssKb(pid);
    await burst(1000);
    const after = rssKb(pid);
    console.log(`      server RSS ${Math.round(before / 1024)} MB before, ${Math.round(after / 1024)} MB after 1,000 calls`);
    assert.ok(after < before * 1.5 + 20_000, `RSS grew from ${before} kB to ${after} kB`);
  });
});
