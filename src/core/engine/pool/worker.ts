// The extraction worker (bundled as dist/extract-worker.js): reads and extracts each batch the
// pool sends with the very function the single-threaded scan uses (scan-read.ts), through the
// CLI's file system, and answers with the outcomes.

import { parentPort } from 'node:worker_threads';
import { lexicallyInside } from '../../fs/confine';
import { NodeFileSystem } from '../../fs/node';
import { extractFile } from '../extract';
import { readAndExtract } from '../scan-read';
import type { BatchMessage, BatchReply } from './index';

const fs = new NodeFileSystem();
const port = parentPort;
if (!port) throw new Error('extract-worker.js runs only as a worker thread');

port.on('message', (m: BatchMessage) => {
  void answer(m).then((reply) => port.postMessage(reply));
});

async function answer(m: BatchMessage): Promise<BatchReply> {
  try {
    // The index sends only listed files, which lie in the workspace; anything else is refused whole.
    const outside = m.requests.find((r) => lexicallyInside(m.root, r.file) === undefined);
    if (outside) return { id: m.id, error: `refused to read ${outside.file}: it is outside the workspace folder ${m.root}` };
    return { id: m.id, outcomes: await readAndExtract(fs, m.root, m.requests, extractFile, m.scanStarted) };
  } catch (err) {
    return { id: m.id, error: err instanceof Error ? err.message : String(err) };
  }
}
