// The `languageModelTools` entries of package.json, derived from the tool schemas: a unit
// test keeps package.json equal to this, so the editor's tools and the MCP server's never differ.

import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { lmToolName, TOOL_SPECS, type ToolName } from './schemas';

export interface LanguageModelToolContribution {
  name: string;
  displayName: string;
  toolReferenceName: string;
  canBeReferencedInPrompt: boolean;
  userDescription: string;
  modelDescription: string;
  tags: string[];
  inputSchema: Record<string, unknown>;
}

export function languageModelToolContributions(): LanguageModelToolContribution[] {
  return (Object.keys(TOOL_SPECS) as ToolName[]).map((name) => {
    const spec = TOOL_SPECS[name];
    const schema = zodToJsonSchema(z.object(spec.input), { target: 'jsonSchema7', $refStrategy: 'none' }) as Record<string, unknown>;
    delete schema.$schema;
    return {
      name: lmToolName(name),
      displayName: `Adrift: ${spec.title}`,
      toolReferenceName: `adrift${name.replace(/(^|_)([a-z])/g, (_m, _s: string, c: string) => c.toUpperCase())}`,
      canBeReferencedInPrompt: true,
      userDescription: spec.title,
      modelDescription: spec.description,
      tags: ['adrift', 'architecture'],
      inputSchema: schema,
    };
  });
}

/** The tool reference of docs/agents.md: each tool's description and input schema (kept current by a unit test). */
export function toolSchemasMarkdown(): string {
  return languageModelToolContributions()
    .map((t) => {
      const name = t.name.replace(/^adrift_/, '');
      return [`### \`${name}\` (VS Code: \`${t.name}\`, \`#${t.toolReferenceName}\`)`, '', t.modelDescription, '', '```json', JSON.stringify(t.inputSchema, null, 2), '```'].join('\n');
    })
    .join('\n\n');
}
