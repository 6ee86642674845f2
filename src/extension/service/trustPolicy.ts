// What Adrift may write in a workspace the user has not trusted (Restricted Mode). Reading
// and showing findings is always allowed: Adrift runs no code from the workspace. Writing
// is the risk: a cloned repository chooses the records, settings and paths Adrift writes to.
// So in an untrusted workspace a write happens only as the answer to an explicit question,
// asked when the user runs a command; a write nobody asked for (there is none today, and
// any future refresh of a generated file or write through the overlay file system would
// be one) is refused. The extraction cache is not a workspace write: it lives in the
// extension's own storage. This file has no vscode import so the decision is unit-tested.

export type WriteOrigin = 'command' | 'automatic';
export type WriteDecision = 'write' | 'ask' | 'refuse';

export function decideWrite(trusted: boolean, origin: WriteOrigin): WriteDecision {
  if (trusted) return 'write';
  return origin === 'command' ? 'ask' : 'refuse';
}

/** The button that allows the write in the question below. */
export const WRITE_ANYWAY = 'Write';

/** The question asked before a command writes in an untrusted workspace. */
export function untrustedWriteQuestion(label: string, files: readonly string[]): string {
  const shown = files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
  return `This workspace is not trusted (Restricted Mode). "${label}" would write ${shown}. Write anyway?`;
}
