// Splits one big diagnostics update into DiagnosticCollection.set calls that VS Code passes
// on whole: pure functions, no editor (unit-tested in plain Node).
//
// The extension host sends a set() call to the workbench in one message and stops adding
// files once the call holds more than 1,100 diagnostics (1.1 × its 1,000-per-file limit, in
// VS Code 1.100.3); the rest stay visible to getDiagnostics() in the extension host but never
// reach the Problems panel. One call per folder lost findings in every workspace with more.

/** Diagnostics per set() call: well under the 1,100 at which VS Code stops sending. */
export const DIAGNOSTICS_PER_BATCH = 500;

/**
 * Groups [file, diagnostics] entries, in order, into batches of at most `cap` diagnostics.
 * A file is never split (set() replaces a file's whole list); a file with more than `cap`
 * goes alone (VS Code caps one file at 1,000 and says so in the panel).
 */
export function batchesUnder<E extends readonly [unknown, readonly unknown[]]>(entries: readonly E[], cap = DIAGNOSTICS_PER_BATCH): E[][] {
  const out: E[][] = [];
  let batch: E[] = [];
  let size = 0;
  for (const entry of entries) {
    const n = entry[1].length;
    if (batch.length > 0 && size + n > cap) {
      out.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(entry);
    size += n;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}
