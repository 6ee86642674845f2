// Cooperative time slicing for loops that run on the editor's main thread: a loop over every
// file of a large workspace asks `due()` as it goes and awaits `pause()` when it says so, so
// the extension host gets a turn of its event loop every few milliseconds instead of freezing
// for the whole loop. The CLI passes `unsliced`, which is never due: a one-shot check has no
// one to keep waiting, and every pause would only add time.

import { performance } from 'node:perf_hooks';
import type { FileSystemPort } from '../fs/port';

export interface Slicer {
  /** Whether the current slice has used its time: cheap enough to ask once per item. */
  due(): boolean;
  /** Gives the event loop a turn (timers, I/O, other callbacks), then starts a new slice. */
  pause(): Promise<void>;
  /**
   * Awaits something of the loop's own (a read, a worker's batch): the event loop has its
   * turns meanwhile, so the slice ends here and a new one starts when it settles. Awaiting it
   * directly would count the wait as the slice's work.
   */
  wait?<T>(pending: Promise<T>): Promise<T>;
}

/** Never due: the loop runs through (the CLI). */
export const unsliced: Slicer = { due: () => false, pause: () => Promise.resolve(), wait: (pending) => pending };

/**
 * Slices of at most about `budgetMs` of work each. 8 ms keeps a turn well under the 50 ms a
 * user notices while costing one setImmediate per slice (a few microseconds).
 */
export function timeSlicer(budgetMs = 8, now: () => number = () => performance.now()): Slicer {
  let started = now();
  return {
    due: () => now() - started >= budgetMs,
    wait: async (pending) => {
      try {
        return await pending;
      } finally {
        started = now();
      }
    },
    pause: () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          started = now();
          resolve();
        }),
      ),
  };
}

/** Awaits `pending` through the slicer's wait, when it has one (see Slicer.wait). */
export function waitOn<T>(slicer: Slicer, pending: Promise<T>): Promise<T> {
  return slicer.wait ? slicer.wait(pending) : pending;
}

/** Runs `each` over `items`, pausing whenever the slicer is due. */
export async function eachSliced<T>(items: Iterable<T>, slicer: Slicer, each: (item: T) => void): Promise<void> {
  for (const item of items) {
    each(item);
    if (slicer.due()) await slicer.pause();
  }
}

/**
 * `fs` with every read awaited through the slicer's wait: work that reads as it goes (the
 * resolver's settings files, the Prisma schemas) is then timed as the work between its
 * reads, not as the reads' waits, during which the event loop ran other callbacks. Every
 * other member is the port's own.
 */
export function waitingPort(fs: FileSystemPort, slicer: Slicer): FileSystemPort {
  // The CLI's unsliced loop has nothing to time: its reads go straight to the port.
  if (!slicer.wait || slicer === unsliced) return fs;
  const reads: Partial<FileSystemPort> = {
    readText: (p, o) => waitOn(slicer, fs.readText(p, o)),
    readBytes: (p, o) => waitOn(slicer, fs.readBytes(p, o)),
    readDirectory: (p) => waitOn(slicer, fs.readDirectory(p)),
    stat: (p) => waitOn(slicer, fs.stat(p)),
    ...(fs.realPath ? { realPath: (p: string) => waitOn(slicer, fs.realPath!(p)) } : {}),
  };
  return new Proxy(fs, {
    get(target, key) {
      const own = reads[key as keyof FileSystemPort];
      if (own) return own;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
