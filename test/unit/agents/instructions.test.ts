import * as assert from 'node:assert/strict';
import { findSection, SECTION_BEGIN, SECTION_END, sectionFindings, updateSection } from '../../../src/core/agents/instructions';
import { parseConfig } from '../../../src/core/config';

const SECTION = '## Architecture\n\n- **ticket** may use user.';

describe('agent instructions section', () => {
  it('creates a missing file holding the section alone', () => {
    const u = updateSection(undefined, SECTION);
    assert.equal(u.kind, 'write');
    if (u.kind !== 'write') return;
    assert.equal(u.created, true);
    assert.equal(u.text, `${SECTION_BEGIN}\n${SECTION}\n${SECTION_END}\n`);
  });

  it('appends the section to a file without markers, after a blank line, keeping every byte before it', () => {
    const mine = '# Agents\n\nRun `npm test` before committing.'; // no final newline
    const u = updateSection(mine, SECTION);
    assert.ok(u.kind === 'write');
    assert.ok(u.text.startsWith(`${mine}\n\n${SECTION_BEGIN}\n`));
    assert.ok(u.text.endsWith(`${SECTION_END}\n`));
  });

  it('replaces only the text between the markers, and keeps CRLF files CRLF', () => {
    const before = '# Agents\r\n\r\nKeep this.\r\n';
    const after = '\r\n## Other notes <!-- not ours -->\r\nAnd this.\r\n';
    const file = `${before}${SECTION_BEGIN}\r\nold text\r\n${SECTION_END}${after}`;
    const u = updateSection(file, SECTION);
    assert.ok(u.kind === 'write');
    assert.equal(u.text, `${before}${SECTION_BEGIN}\r\n${SECTION.replace(/\n/g, '\r\n')}\r\n${SECTION_END}${after}`);
    // Written once, it is up to date, whatever the line endings.
    assert.equal(updateSection(u.text, SECTION).kind, 'unchanged');
  });

  it('refuses to guess when the markers are broken, at the line of the first one', () => {
    for (const text of [
      `intro\n${SECTION_BEGIN}\nA\n${SECTION_END}\n${SECTION_BEGIN}\nB\n${SECTION_END}\n`,
      `intro\n${SECTION_BEGIN}\nno end\n`,
      `intro\n${SECTION_END}\nbackwards\n${SECTION_BEGIN}\n`,
    ]) {
      const u = updateSection(text, SECTION);
      assert.equal(u.kind, 'refused', text);
      if (u.kind === 'refused') assert.equal(u.range.start.line, 1, text);
      assert.equal(sectionFindings('AGENTS.md', text, SECTION)[0]?.severity, 'error');
    }
  });

  it('does not take a marker quoted inside a line for the real one', () => {
    const text = `Write \`${SECTION_BEGIN}\` to start a section.\n`;
    assert.equal(findSection(text).kind, 'absent');
  });

  it('lint: a stale section is a warning at its begin marker; an absent file or section is nothing', () => {
    const file = `# A\n\n${SECTION_BEGIN}\nold\n${SECTION_END}\n`;
    const [f] = sectionFindings('AGENTS.md', file, SECTION);
    assert.equal(f.rule, 'agent-instructions');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range.start, { line: 2, column: 0 });
    assert.deepEqual(sectionFindings('AGENTS.md', undefined, SECTION), []);
    assert.deepEqual(sectionFindings('AGENTS.md', '# nothing of ours\n', SECTION), []);
  });

  it('reads agent_files from .adrift.yaml, refusing a path outside the workspace', () => {
    assert.deepEqual(parseConfig('').agentFiles, ['AGENTS.md']);
    assert.deepEqual(parseConfig('agent_files: [AGENTS.md, .github/copilot-instructions.md]\n').agentFiles, ['AGENTS.md', '.github/copilot-instructions.md']);
    const outside = parseConfig('agent_files: [../AGENTS.md, ok.md]\n');
    assert.deepEqual(outside.agentFiles, ['ok.md']);
    assert.equal(outside.outside?.length, 1);
    assert.deepEqual(outside.findings[0].range.start, { line: 0, column: 14 });
    assert.match(parseConfig('agent_files: AGENTS.md\n').findings[0].message, /must be a list/);
  });
});
