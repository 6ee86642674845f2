// Import extraction: one source file's text → its imports, the data it touches and its
// suppression comments. The language comes from the file extension. Text that is not
// source code a person wrote (binary, minified, too large, not UTF-8) is skipped with the
// reason, so one bad file never stops a check.

import type { ExtractedFile, SourceLanguage } from '../types';
import { guardSourceText } from '../files';
import { extractPython } from './python';
import { allowsJsx, extractTypeScript } from './typescript';

const TS_EXTENSIONS = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const PY_EXTENSIONS = /\.pyi?$/;

/** The language of a path by its extension, or undefined if Adrift does not read it. */
export function languageOf(relPath: string): SourceLanguage | undefined {
  if (TS_EXTENSIONS.test(relPath)) return 'typescript';
  if (PY_EXTENSIONS.test(relPath)) return 'python';
  return undefined;
}

export function extractFile(relPath: string, text: string): ExtractedFile | { skipped: string } {
  const language = languageOf(relPath);
  if (language === undefined) return { skipped: 'not a TypeScript, JavaScript or Python file' };
  const bad = guardSourceText(text);
  if (bad !== undefined) return { skipped: bad };
  const found = language === 'typescript' ? extractTypeScript(text, allowsJsx(relPath)) : extractPython(text);
  return { language, ...found };
}

export { parsePrismaSchema, prismaDelegateName } from './prisma-schema';
export type { PrismaModel } from './prisma-schema';
