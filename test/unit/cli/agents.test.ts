import * as assert from 'node:assert/strict';
import { cpSync, readFileSync, symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, adrift, cleanUp, workspace } from './run-cli';

function helpdesk(): string {
  const ws = workspace();
  cpSync(path.join(REPO, 'examples/helpdesk'), ws, { recursive: true });
  return ws;
}

describe('adrift agents', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('writes the section into AGENTS.md, leaves the rest alone, and lint tracks it as records change', () => {
    const ws = helpdesk();
    const mine = '# Notes for agents\n\nRun `npm test` before you commit.\n';
    writeFileSync(path.join(ws, 'AGENTS.md'), mine);
    assert.equal(adrift(['agents', '--check', ws]).code, 1);
    const first = adrift(['agents', ws]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /AGENTS.md: section written/);
    const text = readFileSync(path.join(ws, 'AGENTS.md'), 'utf8');
    assert.ok(text.startsWith(`${mine}\n<!-- adrift:begin architecture -->\n`));
    assert.match(text, /- \*\*ticket\*\* \(`src\/server\/ticket\/\*\*`\): .* May use: platform, tenant, user\./);
    assert.match(text, /Do not import `mongodb`, `mongoose`, `mysql2`: .*\(ADR-0005\)/);
    assert.match(text, /never edit an accepted record|Never edit an accepted record/);
    assert.equal(adrift(['agents', '--check', ws]).code, 0);
    assert.equal(adrift(['lint', ws]).code, 0);
    assert.doesNotMatch(adrift(['lint', ws]).stdout, /agent-instructions/);

    // A decision changes: lint warns at the section (exit 0: a warning), agents --check fails.
    const record = path.join(ws, 'docs/adr/0003-split-into-five-domain-modules.yaml');
    writeFileSync(record, readFileSync(record, 'utf8').replace('Tickets, assignment, status', 'Tickets and their status'));
    const lint = adrift(['lint', ws]);
    assert.equal(lint.code, 0, lint.stdout);
    assert.match(lint.stdout, /^AGENTS.md:5:1 agent-instructions .*no longer matches/m);
    assert.equal(adrift(['agents', '--check', ws]).code, 1);
    assert.equal(adrift(['agents', ws]).code, 0);
    const again = readFileSync(path.join(ws, 'AGENTS.md'), 'utf8');
    assert.ok(again.startsWith(mine));
    assert.match(again, /Tickets and their status/);
    assert.doesNotMatch(adrift(['lint', ws]).stdout, /agent-instructions/);
  });

  it('writes every file agent_files names, and never through a link leading outside', () => {
    const ws = helpdesk();
    writeFileSync(path.join(ws, '.adrift.yaml'), 'agent_files: [AGENTS.md, .github/copilot-instructions.md]\n');
    const r = adrift(['agents', ws]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(path.join(ws, '.github/copilot-instructions.md'), 'utf8'), /adrift:begin architecture/);
    assert.match(readFileSync(path.join(ws, 'AGENTS.md'), 'utf8'), /adrift:begin architecture/);

    const elsewhere = mkdtempSync(path.join(tmpdir(), 'adrift-outside-'));
    writeFileSync(path.join(elsewhere, 'AGENTS.md'), 'theirs\n');
    const linked = helpdesk();
    symlinkSync(path.join(elsewhere, 'AGENTS.md'), path.join(linked, 'AGENTS.md'));
    const refused = adrift(['agents', linked]);
    assert.notEqual(refused.code, 0);
    assert.equal(readFileSync(path.join(elsewhere, 'AGENTS.md'), 'utf8'), 'theirs\n');
  });

  it('refuses a file whose markers are broken, naming the line, and writes nothing', () => {
    const ws = helpdesk();
    const broken = '# A\n<!-- adrift:begin architecture -->\nhalf a section\n';
    writeFileSync(path.join(ws, 'AGENTS.md'), broken);
    const r = adrift(['agents', ws]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^AGENTS.md:2:1 the Adrift section needs exactly one/m);
    assert.equal(readFileSync(path.join(ws, 'AGENTS.md'), 'utf8'), broken);
    assert.equal(adrift(['lint', ws]).code, 1);
  });

  it('lists the packages a decision confines to a module', () => {
    const ws = workspace();
    cpSync(path.join(REPO, 'examples/writing-assistant'), ws, { recursive: true });
    assert.equal(adrift(['agents', ws]).code, 0);
    assert.match(readFileSync(path.join(ws, 'AGENTS.md'), 'utf8'), /^- Only generation may import `openai` \(ADR-0009\)\.$/m);
  });

  it('keeps a byte-order mark, and leaves a file that is not UTF-8 alone rather than re-encode it', () => {
    const ws = helpdesk();
    writeFileSync(path.join(ws, 'AGENTS.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Agents\n')]));
    assert.equal(adrift(['agents', ws]).code, 0);
    const written = readFileSync(path.join(ws, 'AGENTS.md'));
    assert.deepEqual([...written.subarray(0, 4)], [0xef, 0xbb, 0xbf, 0x23], 'one BOM, then the text');
    assert.match(written.toString('utf8'), /adrift:begin architecture/);

    const latin1 = Buffer.from('# Caf\xe9 notes\n', 'latin1');
    writeFileSync(path.join(ws, 'AGENTS.md'), latin1);
    const r = adrift(['agents', ws]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /AGENTS.md is not UTF-8 \(a byte that is not UTF-8 at 1:6\)/);
    assert.ok(readFileSync(path.join(ws, 'AGENTS.md')).equals(latin1), 'the bytes are untouched');
  });
});
