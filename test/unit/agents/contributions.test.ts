import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { languageModelToolContributions, toolSchemasMarkdown } from '../../../src/core/agents/contributions';
import { PEOPLE_DECIDE } from '../../../src/core/agents/schemas';

const REPO = path.resolve(__dirname, '../../../..');

describe('language model tools in package.json', () => {
  it('are exactly the agent tools, with the MCP server\'s schemas', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { languageModelTools?: unknown[] } };
    const expected = languageModelToolContributions();
    assert.deepEqual(
      pkg.contributes.languageModelTools,
      expected,
      `package.json contributes.languageModelTools must be:\n${JSON.stringify(expected, null, 2)}`,
    );
    const propose = expected.find((t) => t.name === 'adrift_propose_decision');
    assert.ok(propose?.modelDescription.includes(PEOPLE_DECIDE));
  });

  it('are documented in docs/agents.md with their current schemas', () => {
    const doc = readFileSync(path.join(REPO, 'docs/agents.md'), 'utf8');
    const section = /<!-- tool-schemas:begin -->\n([\s\S]*?)\n<!-- tool-schemas:end -->/.exec(doc)?.[1];
    assert.equal(section, toolSchemasMarkdown(), 'regenerate the tool section of docs/agents.md from toolSchemasMarkdown()');
  });
});
