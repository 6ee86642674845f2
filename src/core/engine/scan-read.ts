// Reading and extracting a batch of source files for a scan: the bytes through the
// file-system port, the UTF-8 check, the content hash, and the extraction unless the cache
// already holds the extraction of exactly this content. With a port that reads synchronously
// (the CLI's) a batch is one pass in the calling thread, and a file whose stat is the one the
// cache recorded is not read at all. The same function serves a worker thread: it needs only
// a port, the root and the extractor.

import type { InvalidByte } from '../fs/decode';
import type { FileSystemPort } from '../fs/port';
import type { StatKey } from './cache-format';
import { contentHash, sameStat, trustedStat } from './cache';
import { decodeSourceText } from './files';
import type { ExtractedFile } from './types';

/** What the caller holds of a file from an earlier scan. */
export interface KnownContent {
  hash: string;
  /** The stat recorded with it, if any: the same stat now means the same content. */
  stat?: StatKey;
  /** The held extraction has suppression comments, so the text is wanted back too. */
  wantsText: boolean;
}

export interface ReadRequest {
  file: string;
  known?: KnownContent;
}

export type ReadOutcome =
  /** Gone since it was listed. */
  | { kind: 'missing' }
  /** Not checked: unreadable, not UTF-8, binary, minified … */
  | { kind: 'skipped'; reason: string }
  /** The content is the known one; `text` only when the known extraction needs it. */
  | { kind: 'unchanged'; hash: string; stat?: StatKey; text?: string }
  /** `text` only when the extraction has suppression comments (they need the lines after them). */
  | { kind: 'extracted'; hash: string; stat?: StatKey; extracted: ExtractedFile; text?: string; invalid?: InvalidByte };

export type Extract = (file: string, text: string) => ExtractedFile | { skipped: string };

/** `scanStarted`: epoch ms when the scan began, so a stat too recent to trust is not recorded (cache.ts). */
export async function readAndExtract(
  fs: FileSystemPort,
  root: string,
  requests: readonly ReadRequest[],
  extract: Extract,
  scanStarted: number,
): Promise<ReadOutcome[]> {
  if (fs.readFilesSync) return readAndExtractSync(fs as SyncReads, root, requests, extract, scanStarted);
  return Promise.all(
    requests.map(async ({ file, known }) => {
      let bytes: Uint8Array | undefined;
      try {
        bytes = await fs.readBytes(`${root}/${file}`);
      } catch (err) {
        return unreadable(err);
      }
      return bytes === undefined ? { kind: 'missing' as const } : fromBytes(file, bytes, undefined, known, extract);
    }),
  );
}

type SyncReads = FileSystemPort & Required<Pick<FileSystemPort, 'readFilesSync'>>;

function readAndExtractSync(fs: SyncReads, root: string, requests: readonly ReadRequest[], extract: Extract, scanStarted: number): ReadOutcome[] {
  const out = new Array<ReadOutcome>(requests.length);
  // A stat equal to the recorded one answers without reading (unless the text is wanted).
  const toRead: number[] = [];
  const stats = fs.statFilesSync && requests.some((r) => r.known?.stat) ? fs.statFilesSync(requests.map((r) => `${root}/${r.file}`)) : undefined;
  requests.forEach((r, i) => {
    const known = r.known;
    if (known?.stat && !known.wantsText && stats?.[i] && sameStat(known.stat, stats[i])) out[i] = { kind: 'unchanged', hash: known.hash, stat: known.stat };
    else toRead.push(i);
  });
  fs.readFilesSync(
    toRead.map((i) => `${root}/${requests[i].file}`),
    (k, read) => {
      const i = toRead[k];
      if ('missing' in read) out[i] = { kind: 'missing' };
      else if ('error' in read) out[i] = unreadable(read.error);
      else out[i] = fromBytes(requests[i].file, read.bytes, trustedStat(read.stat, scanStarted), requests[i].known, extract);
    },
  );
  return out;
}

function unreadable(err: unknown): ReadOutcome {
  return { kind: 'skipped', reason: `could not be read: ${err instanceof Error ? err.message : String(err)}` };
}

/** The bytes may be reused once this returns: nothing here keeps a view of them. */
function fromBytes(file: string, bytes: Uint8Array, stat: StatKey | undefined, known: KnownContent | undefined, extract: Extract): ReadOutcome {
  // The hash of the bytes is the hash of their UTF-8 text: a file known by hash needs no decoding.
  const hash = contentHash(bytes);
  if (known && known.hash === hash && !known.wantsText) return withStat({ kind: 'unchanged', hash }, stat);
  const decoded = decodeSourceText(bytes);
  const text = decoded.text;
  // Bytes that are not UTF-8 are read as U+FFFD and reported (index.ts); such a file is never
  // cached, so it is always decoded again and the finding is never lost to a cache hit.
  if (known && known.hash === hash && !decoded.invalid) return withStat({ kind: 'unchanged', hash, text }, stat);
  const result = extract(file, text);
  if ('skipped' in result) return { kind: 'skipped', reason: result.skipped };
  if (decoded.invalid) return { kind: 'extracted', hash, extracted: result, invalid: decoded.invalid, ...(result.suppressions.length > 0 ? { text } : {}) };
  return withStat(result.suppressions.length > 0 ? { kind: 'extracted', hash, extracted: result, text } : { kind: 'extracted', hash, extracted: result }, stat);
}

function withStat(outcome: ReadOutcome & { kind: 'unchanged' | 'extracted' }, stat: StatKey | undefined): ReadOutcome {
  if (stat) outcome.stat = stat;
  return outcome;
}
