// The languages Adrift reads, one line each. Order matters only where two languages claim
// one file name: the first wins.

import { go } from './go';
import type { Language } from './language';
import { python } from './python';
import { typescript } from './typescript';

export const LANGUAGES: readonly Language[] = [
  typescript,
  python,
  go,
];

const BY_EXTENSION = new Map<string, Language>();
for (const language of [...LANGUAGES].reverse()) for (const ext of language.extensions) BY_EXTENSION.set(ext, language);

/** The language of a path by its extension, or undefined if Adrift does not read it. */
export function languageOf(relPath: string): Language | undefined {
  const dot = relPath.lastIndexOf('.');
  return dot === -1 || relPath.indexOf('/', dot) !== -1 ? undefined : BY_EXTENSION.get(relPath.slice(dot + 1));
}

/** Glob of every source file Adrift reads, for a file watcher (every extension of every language). */
export function sourceFilesGlob(): string {
  return `**/*.{${[...BY_EXTENSION.keys()].join(',')}}`;
}

/** Glob of every language's settings files, for a file watcher. */
export function configFilesGlob(): string {
  return `**/{${LANGUAGES.flatMap((l) => l.configGlobs ?? []).join(',')}}`;
}

/** Whether some language's resolver reads a file of this name. */
export function isLanguageConfigFile(name: string): boolean {
  return LANGUAGES.some((l) => l.configFile?.test(name) === true);
}

/** 'TypeScript, JavaScript and Python': the languages for a message, joined with `word`. */
export function languageNames(word: 'and' | 'or'): string {
  const names = LANGUAGES.flatMap((l) => l.names);
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} ${word} ${names[names.length - 1]}`;
}

export type { Language, LanguageExtraction, LanguageResolver } from './language';
