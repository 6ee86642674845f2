import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { overviewCommand } from '../../../src/cli/commands/overview';
import type { CommandContext } from '../../../src/cli/command';
import { NodeFileSystem } from '../../../src/core/fs/node';
import { planRecords } from '../../../src/core/guide/records';
import { templateAnswers } from '../../../src/core/guide/templates';
import { recordFileChanges } from '../../../src/core/guide/write';

describe('adrift overview', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'adrift-overview-')).replace(/\\/g, '/');
    const { records } = planRecords(templateAnswers('writing-assistant') ?? {}, { existing: [], date: '2026-11-27', status: 'accepted' });
    mkdirSync(join(root, 'docs', 'adr'), { recursive: true });
    for (const c of recordFileChanges(records, 'docs/adr')) writeFileSync(join(root, c.path), c.text);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  function run(options: CommandContext['options']) {
    const out: string[] = [];
    const ctx: CommandContext = { fs: new NodeFileSystem(), out: (t) => out.push(t), err: (t) => out.push(t), processCwd: root, cwd: root, args: {}, options };
    return overviewCommand.run(ctx).then((code) => ({ code, out: out.join('\n') }));
  }

  it('prints the overview of the accepted records as Markdown', async () => {
    const { code, out } = await run({});
    assert.equal(code, 0);
    assert.match(out, /^# Architecture Overview/);
    assert.match(out, /- \*\*Buy:\*\* Auth \(Clerk, behind user\), Payments \(Stripe, behind billing\), Email \(Resend, behind user\), AI \(OpenAI\/Anthropic, behind generation\)/);
  });

  it('prints JSON on --json', async () => {
    const { out } = await run({ json: true });
    const overview = JSON.parse(out) as { modules: { name: string }[] };
    assert.deepEqual(overview.modules.map((m) => m.name), ['user', 'content', 'generation', 'billing']);
  });

  it('writes docs/architecture.md on --out', async () => {
    const { code, out } = await run({ out: 'docs/architecture.md' });
    assert.equal(code, 0);
    assert.equal(out, 'wrote docs/architecture.md');
    assert.match(readFileSync(join(root, 'docs', 'architecture.md'), 'utf8'), /## Evolution\n\n- \*\*v1:\*\* Browser extension \+ basic generation/);
  });
});
