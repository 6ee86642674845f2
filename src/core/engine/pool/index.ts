// Extraction on worker threads: a pool of workers, each running readAndExtract (scan-read.ts)
// on a batch of files it reads itself, so no text crosses a message, only the outcomes. The
// workspace index hands it batches and merges the outcomes in file order, so a run on the
// pool reports byte for byte what a run on one thread does; the calling thread extracts a
// share of the batches itself while it would otherwise wait. A batch whose worker fails or
// dies is rejected; the index then extracts that batch on its own thread. Workers start on
// the first batch and end with close(); nothing of the pool keeps a process alive after it.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadOutcome, ReadRequest } from '../scan-read';

/**
 * Fewer cold files than this are extracted on the calling thread: starting the workers,
 * warming the extractor in each and copying the outcomes back cost more than they saved at
 * 1k and 3k files in every run; at 12k the pool tied on a lightly loaded machine
 * (BENCHMARKS.md, "The extraction pool").
 */
export const POOL_THRESHOLD = 10_000;

/** What the index needs of a pool (ExtractPool fits; tests may hand in another). */
export interface BatchRunner {
  /** How many batches it works on at once: the caller works on one more itself. */
  readonly workers: number;
  /** The outcomes in the order of `requests`; rejects when the worker fails or dies. */
  run(root: string, requests: readonly ReadRequest[], scanStarted: number): Promise<ReadOutcome[]>;
}

/** One batch sent to a worker. */
export interface BatchMessage {
  id: number;
  root: string;
  requests: readonly ReadRequest[];
  scanStarted: number;
}

/** A worker's answer to a batch. */
export type BatchReply = { id: number; outcomes: ReadOutcome[] } | { id: number; error: string };

export interface PoolOptions {
  /** Worker count; default one less than os.availableParallelism() (the caller's thread extracts too), at least 1. */
  workers?: number;
  /** The worker script; default the one next to this module (dist/extract-worker.js in a bundle). */
  script?: string;
}

interface Task {
  message: BatchMessage;
  resolve: (outcomes: ReadOutcome[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
}

/** The worker script: dist/extract-worker.js beside a bundle, worker.js beside this file compiled. */
export function defaultWorkerScript(): string {
  const bundled = path.join(__dirname, 'extract-worker.js');
  return existsSync(bundled) ? bundled : path.join(__dirname, 'worker.js');
}

/** Threads for extraction, the caller's own included. */
export function defaultThreads(): number {
  return availableParallelism();
}

export class ExtractPool implements BatchRunner {
  readonly workers: number;
  private readonly script: string;
  private slots: Slot[] | undefined;
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.workers = Math.max(1, options.workers ?? defaultThreads() - 1);
    this.script = options.script ?? defaultWorkerScript();
  }

  run(root: string, requests: readonly ReadRequest[], scanStarted: number): Promise<ReadOutcome[]> {
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ message: { id: this.nextId++, root, requests, scanStarted }, resolve, reject });
      this.pump();
    });
  }

  /** Ends every worker; batches still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.reject(new Error('the extraction pool was closed'));
    const slots = this.slots ?? [];
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private start(): Slot[] {
    const slots: Slot[] = [];
    for (let i = 0; i < this.workers; i++) {
      const slot: Slot = { worker: new Worker(this.script) };
      const fail = (err: Error): void => {
        const lost = slot.task;
        slot.task = undefined;
        // A worker that failed once is not trusted with another batch.
        this.slots = this.slots?.filter((s) => s !== slot);
        void slot.worker.terminate();
        lost?.reject(err);
        if (this.slots?.length === 0) for (const t of this.queue.splice(0)) t.reject(new Error(`no extraction worker left (${err.message})`));
        else this.pump();
      };
      slot.worker.on('message', (reply: BatchReply) => {
        const task = slot.task;
        if (!task || task.message.id !== reply.id) return;
        slot.task = undefined;
        if ('error' in reply) task.reject(new Error(reply.error));
        else task.resolve(reply.outcomes);
        this.pump();
      });
      slot.worker.on('error', (err) => fail(err));
      slot.worker.on('exit', (code) => {
        if (!this.closed) fail(new Error(`the extraction worker exited with code ${code}`));
      });
      slots.push(slot);
    }
    return slots;
  }

  private pump(): void {
    if (this.closed) return;
    this.slots ??= this.start();
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) return;
      slot.task = task;
      slot.worker.postMessage(task.message);
    }
  }
}
