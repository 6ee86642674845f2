// Import extraction: one source file's text → its imports, the data it touches and its
// suppression comments. The language comes from the file name, through the registry in
// ../languages. Text that is not source code a person wrote (binary, minified, too large,
// not UTF-8) is skipped with the reason, so one bad file never stops a check.

import type { ExtractedFile } from '../types';
import { guardSourceText } from '../files';
import { languageNames, languageOf } from '../languages';

export { languageOf } from '../languages';

export function extractFile(relPath: string, text: string): ExtractedFile | { skipped: string } {
  const language = languageOf(relPath);
  if (language === undefined) return { skipped: `not a ${languageNames('or')} file` };
  const bad = guardSourceText(text);
  if (bad !== undefined) return { skipped: bad };
  return { language: language.id, ...language.extract(text, relPath) };
}

export { parsePrismaSchema, prismaDelegateName } from './prisma-schema';
export type { PrismaModel } from './prisma-schema';
