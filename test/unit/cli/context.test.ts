import * as assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PathContext } from '../../../src/core/agents/context';
import { REPO, adrift, cleanUp, workspace } from './run-cli';

const HELPDESK = path.join(REPO, 'examples/helpdesk');
const TICKET = 'src/server/ticket/ticket.service.ts';

function json(args: string[], cwd = HELPDESK): PathContext[] {
  const r = adrift(['context', ...args, '--format', 'json'], cwd);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as PathContext[];
}

describe('adrift context', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('gives a file of the help desk its module, allowed uses with their decisions, data and findings', () => {
    const [c] = json([TICKET]);
    assert.equal(c.path, TICKET);
    assert.equal(c.module?.name, 'ticket');
    assert.equal(c.module?.decision.id, 3);
    assert.deepEqual(c.mayUse.map((u) => u.module).sort(), ['platform', 'tenant', 'user']);
    assert.deepEqual(c.mayUse.find((u) => u.module === 'user')?.public, ['src/server/user/index.ts']);
    assert.ok(c.owns.some((o) => o.data === 'tickets'));
    // Data of other modules, each with its owner.
    assert.deepEqual(c.mustNotTouch.find((d) => d.data === 'articles')?.owner, 'knowledgebase');
    assert.ok(!c.mustNotTouch.some((d) => d.owner === 'ticket'));
    // Packages ruled out, with the decision that rules them out.
    assert.equal(c.rules.find((r) => r.what === 'mongodb')?.decision.id, 5);
    // The proposal that would let ticket use knowledgebase.
    assert.deepEqual(c.proposals.map((p) => [p.decision.id, p.changes]), [[12, ['let ticket use knowledgebase']]]);
    // The same findings `adrift check` reports for the file, each naming its decision.
    const check = adrift(['check', HELPDESK, '--format', 'json']);
    const expected = (JSON.parse(check.stdout) as { findings: { file: string; line: number; rule: string }[] }).findings
      .filter((f) => f.file === TICKET)
      .map((f) => `${f.line} ${f.rule}`)
      .sort();
    assert.ok(expected.length > 0);
    assert.deepEqual(c.findings.map((f) => `${f.line} ${f.rule}`).sort(), expected);
    assert.ok(c.findings.every((f) => f.decision?.id === 3));
  });

  it('stays short enough for an agent: about 2 KB of Markdown for one help-desk file', () => {
    const r = adrift(['context', TICKET], HELPDESK);
    assert.equal(r.code, 0, r.stderr);
    const bytes = Buffer.byteLength(r.stdout, 'utf8');
    assert.ok(bytes <= 2600, `${bytes} bytes:\n${r.stdout}`);
    assert.match(r.stdout, /^Module \*\*ticket\*\*/m);
    assert.match(r.stdout, /ADR-0003 Split the help desk into five domain modules/);
    assert.match(r.stdout, /never edit an accepted one/);
  });

  it('says which modules a folder spans, and treats a file that does not exist yet by its path', () => {
    const [folder, planned] = json(['src/server', 'src/server/knowledgebase/new-thing.ts']);
    assert.deepEqual(folder.spans?.sort(), ['conversation', 'knowledgebase', 'platform', 'tenant', 'ticket', 'user']);
    assert.equal(folder.module, undefined);
    assert.equal(planned.module?.name, 'knowledgebase');
    assert.deepEqual(planned.findings, []);
  });

  it('resolves paths against the folder it runs in, and refuses one outside the workspace', () => {
    const [c] = json(['ticket.service.ts', '--cwd', HELPDESK], path.join(HELPDESK, 'src/server/ticket'));
    assert.equal(c.module?.name, 'ticket');
    const outside = adrift(['context', '../../../..', '--cwd', HELPDESK], path.join(HELPDESK, 'src/server/ticket'));
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /is outside the workspace/);
  });

  it('names a path rule that applies to the path and leaves out those that cannot', () => {
    const ws = workspace();
    cpSync(HELPDESK, ws, { recursive: true });
    writeFileSync(
      path.join(ws, 'docs/adr/0013-web-never-imports-the-server.yaml'),
      'id: 13\ntitle: The web app never imports server code\nstatus: accepted\ndate: 2026-12-01\ndecision:\n  chosen: API only\n  rationale: The web app reaches the server over HTTP only. It ships to browsers.\nenforce:\n  imports:\n    forbid:\n      - { from: "src/components/**", to: "src/server/**", reason: "over the API only" }\n',
    );
    const [web, server] = json(['src/components/TicketList.tsx', TICKET], ws);
    const rule = web.rules.find((r) => r.kind === 'import' && r.decision.id === 13);
    assert.equal(rule?.what, 'src/components/** → src/server/**');
    assert.equal(rule?.decision.why, 'The web app reaches the server over HTTP only.');
    assert.ok(!server.rules.some((r) => r.kind === 'import' && r.decision.id === 13));
    // ADR-0004's rule for pages applies under src/app only.
    assert.ok(!web.rules.some((r) => r.what.startsWith('src/app/')));
  });

  it('names the packages a module may not import because a decision confines them to another (only_in)', () => {
    const ws = path.join(REPO, 'examples/writing-assistant');
    const [content, generation] = json(['backend/src/scribe/content/search.py', 'backend/src/scribe/generation/__init__.py'], ws);
    const openai = content.rules.find((r) => r.kind === 'only-in' && r.what === 'openai');
    assert.deepEqual(openai?.modules, ['generation']);
    assert.equal(openai?.decision.id, 9);
    // The module the package is confined to is not told it may not.
    assert.ok(!generation.rules.some((r) => r.kind === 'only-in' && r.what === 'openai'));
    assert.match(adrift(['context', 'backend/src/scribe/content/search.py'], ws).stdout, /Only generation may import openai, anthropic — ADR-0009/);
  });
});
