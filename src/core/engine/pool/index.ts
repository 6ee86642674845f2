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

/**
 * Fewer cold files than this are extracted on the editor's own thread, in slices: below it a
 * scan is short, and starting a worker costs 0.1–0.3 s. Above it the extraction, most of a
 * cold scan, runs on workers so that the extension host's thread stays free for the user.
 */
export const EDITOR_POOL_THRESHOLD = 1_000;

/** The threshold in force: `ADRIFT_POOL_THRESHOLD` (a whole number) when set, else `fallback`. */
export function poolThreshold(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const set = env.ADRIFT_POOL_THRESHOLD;
  return set !== undefined && /^\d+$/.test(set) ? Number(set) : fallback;
}

/**
 * Workers for the editor's scans: half the cores, at least one. Even on two cores one worker
 * pays there, unlike in the CLI: what counts is the extension host's thread, not CPU time,
 * and VS Code's own processes need the rest.
 */
export function editorWorkers(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 2));
}

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
  /**
   * Ends the workers once no batch has been waiting for this long (ms); the next batch starts
   * them again. The editor's pool serves a scan now and then and should not hold a worker's
   * memory in between. Default: the workers live until close().
   */
  idleMs?: number;
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

/**
 * Threads for extraction, the caller's own included: one per core, but one in all on two cores
 * or fewer, where one worker beside the main thread never beat the main thread alone at 1k–100k
 * files and took more memory (BENCHMARKS.md, "The extraction pool" and "Scale").
 */
export function defaultThreads(cores = availableParallelism()): number {
  return cores <= 2 ? 1 : cores;
}

export class ExtractPool implements BatchRunner {
  readonly workers: number;
  private readonly script: string;
  private slots: Slot[] | undefined;
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;
  private readonly idleMs: number | undefined;
  private idle: NodeJS.Timeout | undefined;

  constructor(options: PoolOptions = {}) {
    this.workers = Math.max(1, options.workers ?? defaultThreads() - 1);
    this.script = options.script ?? defaultWorkerScript();
    this.idleMs = options.idleMs;
  }

  /** Whether worker threads are running now (started by a batch, not yet ended). */
  get running(): boolean {
    return (this.slots?.length ?? 0) > 0;
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
    clearTimeout(this.idle);
    for (const t of this.queue.splice(0)) t.reject(new Error('the extraction pool was closed'));
    await this.stop();
  }

  /** Ends the workers; with no batch waiting, so none is lost. */
  private async stop(): Promise<void> {
    const slots = this.slots ?? [];
    // An empty list, not undefined: a closed pool starts no worker again.
    this.slots = this.closed ? [] : undefined;
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
        if (!this.closed && this.slots?.includes(slot)) fail(new Error(`the extraction worker exited with code ${code}`));
      });
      slots.push(slot);
    }
    return slots;
  }

  private pump(): void {
    if (this.closed) return;
    clearTimeout(this.idle);
    this.idle = undefined;
    this.slots ??= this.start();
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.queue.shift();
      if (!task) break;
      slot.task = task;
      slot.worker.postMessage(task.message);
    }
    if (this.idleMs !== undefined && this.queue.length === 0 && this.slots.every((s) => !s.task)) {
      this.idle = setTimeout(() => void this.stop(), this.idleMs);
      this.idle.unref();
    }
  }
}
