// Watches the extension host's main thread for tasks over 50 ms, whoever runs them, and says
// which Adrift task was running when one happened. Two views of the same thread:
//   - a lag probe: an unref'd timer every `intervalMs` that notes how late it fires. A timer
//     late by L ms means one turn of the event loop ran for at least L ms, so every block
//     longer than the threshold shows up (under-estimated by at most one interval), also the
//     ones Adrift did not cause (another extension, the host itself);
//   - attribution: every Adrift entry point (a command, a provider, an event handler, the
//     scan) runs through `run` (synchronous, timed exactly) or `track` (asynchronous, with
//     `phase` calls as it progresses). A late probe tick is charged to the timed task that
//     covers most of the block; else to the tracked task that showed progress (a `phase`
//     or `progressed` call, or its end) inside the block; else to the one that showed progress
//     last, within a second before it, marked "unconfirmed" (its work between awaits cannot be told from another
//     extension's); else "not Adrift".
// Plain Node (no vscode import): the clock, the timer and the memory reading are passed in,
// so unit tests drive it with a fake clock.

import { timeSlicer, waitOn, type Slicer } from '../../core/engine/slice';

export const NOT_ADRIFT = 'not Adrift';

export interface LongTask {
  label: string;
  ms: number;
  /** 'task': a timed Adrift task; 'probe': a block the lag probe saw, with its attributed label. */
  source: 'task' | 'probe';
  /** Clock reading when it ended. */
  at: number;
  /** A block charged elsewhere that a timed Adrift task ran part of (a publish whose follow-up VS Code does). */
  inside?: { label: string; ms: number };
}

export interface LabelStats {
  count: number;
  /** Runs (or probe blocks) over the threshold. */
  over: number;
  totalMs: number;
  maxMs: number;
}

export interface MemoryPeak {
  rssMb: number;
  heapUsedMb: number;
  samples: number;
}

export interface LongTaskStats {
  thresholdMs: number;
  intervalMs: number;
  /** Timed Adrift tasks over the threshold. */
  tasksOver: number;
  /** Blocks over the threshold the probe saw, Adrift's or not. */
  blocksOver: number;
  longestTask?: { label: string; ms: number };
  longestBlock?: { label: string; ms: number };
  /** Timed tasks by label (a tracked task's phases as "label: phase"). */
  byLabel: Record<string, LabelStats>;
  /** Probe blocks over the threshold by attributed label. */
  blocksByLabel: Record<string, LabelStats>;
  /** The latest tasks and blocks over the threshold, oldest first (at most 200). */
  recent: LongTask[];
  probe: { ticks: number; ownMs: number; runningMs: number };
  memory?: MemoryPeak;
}

export interface MemoryReading {
  rss: number;
  heapUsed: number;
}

export interface LongTaskOptions {
  thresholdMs?: number;
  intervalMs?: number;
  now?: () => number;
  /** Called for every task or block over the threshold (the Adrift output channel). */
  report?: (task: LongTask) => void;
  /** Read every `memoryEvery` ticks; its peak goes into the stats. */
  memory?: () => MemoryReading;
  memoryEvery?: number;
}

/** What starting the probe returns: the timer, so it can be stopped. */
export interface ProbeTimer {
  stop(): void;
}
export type StartTimer = (tick: () => void, intervalMs: number) => ProbeTimer;

/** A tracked asynchronous task now running. */
interface Tracked {
  label: string;
  phase?: string;
  /** Clock reading of its last sign of running on the thread. */
  progressAt: number;
}

interface Ran {
  label: string;
  start: number;
  end: number;
}

const RECENT = 200;
const RECENTLY_BUSY_MS = 1000;
const MB = 1024 * 1024;

export class LongTaskMonitor {
  readonly thresholdMs: number;
  readonly intervalMs: number;
  private readonly now: () => number;
  private readonly report: (task: LongTask) => void;
  private readonly memory?: () => MemoryReading;
  private readonly memoryEvery: number;

  /** Timed tasks that ended since the last tick (only the candidates for a block). */
  private ran: Ran[] = [];
  private depth = 0;
  /** Tracked asynchronous tasks now running, innermost last, each with its current phase. */
  private readonly active: Tracked[] = [];
  /** When a tracked task last showed progress since the last tick, under the label it had then. */
  private progress: { label: string; at: number }[] = [];
  private lastTick: number | undefined;
  private timer: ProbeTimer | undefined;
  private startedAt = 0;

  private tasksOver = 0;
  private blocksOver = 0;
  private longestTask?: { label: string; ms: number };
  private longestBlock?: { label: string; ms: number };
  private byLabel = new Map<string, LabelStats>();
  private blocksByLabel = new Map<string, LabelStats>();
  private recent: LongTask[] = [];
  private ticks = 0;
  private ownMs = 0;
  private peak?: MemoryPeak;

  constructor(options: LongTaskOptions = {}) {
    this.thresholdMs = options.thresholdMs ?? 50;
    this.intervalMs = options.intervalMs ?? 20;
    this.now = options.now ?? (() => performance.now());
    this.report = options.report ?? (() => undefined);
    this.memory = options.memory;
    this.memoryEvery = options.memoryEvery ?? 25;
  }

  /** Starts the lag probe (idempotent). */
  start(startTimer: StartTimer): void {
    if (this.timer) return;
    this.lastTick = this.now();
    this.startedAt = this.lastTick;
    this.timer = startTimer(() => this.tick(), this.intervalMs);
  }

  stop(): void {
    this.timer?.stop();
    this.timer = undefined;
    this.lastTick = undefined;
  }

  /** Runs a synchronous piece of an Adrift entry point, timed. */
  run<T>(label: string, fn: () => T): T {
    const start = this.now();
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      this.finished(label, start, this.now());
    }
  }

  /** `fn` with every call run through `run(label, …)`; a returned promise's later work is not counted. */
  wrap<A extends unknown[], R>(label: string, fn: (...args: A) => R): (...args: A) => R {
    return (...args: A) => this.run(label, () => fn(...args));
  }

  /**
   * Runs an asynchronous Adrift task: its synchronous start is timed like `run`, and a block
   * the probe sees while it runs (between its awaits) that no timed task explains is its own,
   * under its current phase (see `phase`).
   */
  async track<T>(label: string, work: () => Promise<T>): Promise<T> {
    const entry: Tracked = { label, progressAt: this.now() };
    this.active.push(entry);
    try {
      return await this.run(label, work);
    } finally {
      // Its end is progress: the block just before it was its last slice.
      this.progress.push({ label: entry.phase ? `${label}: ${entry.phase}` : label, at: this.now() });
      this.active.splice(this.active.indexOf(entry), 1);
    }
  }

  /** Names the phase a tracked task is in now (blocks after this are charged to "label: phase"). */
  phase(label: string, phase: string | undefined): void {
    const entry = this.progressed(label);
    if (entry) entry.phase = phase;
  }

  /** Notes that a tracked task is running on the main thread now (it polled, it reported progress). */
  progressed(label: string): Tracked | undefined {
    for (let i = this.active.length - 1; i >= 0; i--) {
      const a = this.active[i];
      if (a.label !== label) continue;
      a.progressAt = this.now();
      this.progress.push({ label: a.phase ? `${label}: ${a.phase}` : label, at: a.progressAt });
      return a;
    }
    return undefined;
  }

  /**
   * A slicer for a loop of the tracked task `label`: each slice, from one pause to the next,
   * is timed exactly as "label (slice)", like a `run`. So a slice over the threshold is
   * reported as a task, and a block is charged to the slice only when the slice ran most of
   * it: whatever else ran in that turn (another extension, a garbage collection, a test's
   * polling) is not taken for the loop's work.
   */
  slicer(label: string, inner: Slicer = timeSlicer()): Slicer {
    let start = this.now();
    // Whether the time since `start` is the loop's work (since a pause or a settled wait), or
    // only waiting. Waits run side by side (the resolver reads several settings files at once):
    // the work after one settles ends with its turn of the event loop, or at the next settle
    // if that comes in the same turn, and the time until the next settle is not work.
    let working = true;
    let settles = 0;
    const slice = `${label} (slice)`;
    return {
      due: () => inner.due(),
      pause: async () => {
        this.finished(slice, start, this.now());
        await inner.pause();
        start = this.now();
        working = true;
      },
      wait: async (pending) => {
        this.finished(slice, start, this.now());
        // A pause inside the wait (a sliced loop of the awaited work) times from here.
        start = this.now();
        working = false;
        try {
          return await waitOn(inner, pending);
        } finally {
          const now = this.now();
          if (working) this.finished(slice, start, now);
          start = now;
          working = true;
          const settle = ++settles;
          setImmediate(() => {
            if (!working || settles !== settle) return;
            this.finished(slice, start, this.now());
            start = this.now();
            working = false;
          });
        }
      },
    };
  }

  /** The probe's step; public so tests can drive it with a fake clock. */
  tick(): void {
    const now = this.now();
    const last = this.lastTick ?? now;
    this.lastTick = now;
    this.ticks++;
    const lateness = now - last - this.intervalMs;
    if (lateness > this.thresholdMs) this.block(lateness, now);
    this.ran = [];
    this.progress = [];
    if (this.memory && this.ticks % this.memoryEvery === 0) this.sampleMemory();
    this.ownMs += this.now() - now;
  }

  /** Reads the memory now (also done every `memoryEvery` ticks). */
  sampleMemory(): void {
    if (!this.memory) return;
    const m = this.memory();
    const peak = (this.peak ??= { rssMb: 0, heapUsedMb: 0, samples: 0 });
    peak.rssMb = Math.max(peak.rssMb, m.rss / MB);
    peak.heapUsedMb = Math.max(peak.heapUsedMb, m.heapUsed / MB);
    peak.samples++;
  }

  stats(): LongTaskStats {
    const obj = (m: Map<string, LabelStats>): Record<string, LabelStats> => Object.fromEntries([...m].map(([k, v]) => [k, { ...v }]));
    return {
      thresholdMs: this.thresholdMs,
      intervalMs: this.intervalMs,
      tasksOver: this.tasksOver,
      blocksOver: this.blocksOver,
      longestTask: this.longestTask && { ...this.longestTask },
      longestBlock: this.longestBlock && { ...this.longestBlock },
      byLabel: obj(this.byLabel),
      blocksByLabel: obj(this.blocksByLabel),
      recent: this.recent.map((t) => ({ ...t })),
      probe: { ticks: this.ticks, ownMs: this.ownMs, runningMs: this.timer ? this.now() - this.startedAt : 0 },
      memory: this.peak && { ...this.peak },
    };
  }

  /** Forgets every figure (the memory peak too); the probe keeps running. */
  reset(): void {
    this.progress = [];
    this.tasksOver = 0;
    this.blocksOver = 0;
    this.longestTask = undefined;
    this.longestBlock = undefined;
    this.byLabel = new Map();
    this.blocksByLabel = new Map();
    this.recent = [];
    this.ticks = 0;
    this.ownMs = 0;
    this.peak = undefined;
    if (this.timer) this.startedAt = this.now();
  }

  private finished(label: string, start: number, end: number): void {
    const ms = end - start;
    const name = this.labelled(label);
    count(this.byLabel, name, ms, this.thresholdMs);
    // Candidates for the probe's next block; tiny tasks cannot explain one.
    if (ms >= 1) this.ran.push({ label: name, start, end });
    if (ms <= this.thresholdMs || this.depth > 0) return; // an enclosing task reports the whole
    this.tasksOver++;
    if (!this.longestTask || ms > this.longestTask.ms) this.longestTask = { label: name, ms };
    this.remember({ label: name, ms, source: 'task', at: end });
  }

  /** A tracked task's own synchronous start is named after its phase too. */
  private labelled(label: string): string {
    for (let i = this.active.length - 1; i >= 0; i--) {
      const a = this.active[i];
      if (a.label === label) return a.phase ? `${label}: ${a.phase}` : label;
    }
    return label;
  }

  private block(ms: number, now: number): void {
    const from = now - ms;
    let best: Ran | undefined;
    let bestOverlap = 0;
    for (const r of this.ran) {
      const overlap = Math.min(r.end, now) - Math.max(r.start, from);
      if (overlap > bestOverlap) {
        best = r;
        bestOverlap = overlap;
      }
    }
    const owner = best && bestOverlap >= ms / 2 ? best : undefined;
    const progressed = this.progress.filter((p) => p.at >= from).pop();
    // The task busy last before the block (a scan between two slices, not a command waiting on a prompt).
    const running = this.active
      .filter((a) => a.progressAt >= from - RECENTLY_BUSY_MS)
      .reduce<Tracked | undefined>((last, a) => (!last || a.progressAt >= last.progressAt ? a : last), undefined);
    const label = owner
      ? owner.label
      : progressed
        ? progressed.label
        : running
          ? `${running.phase ? `${running.label}: ${running.phase}` : running.label} (unconfirmed)`
          : NOT_ADRIFT;
    this.blocksOver++;
    count(this.blocksByLabel, label, ms, this.thresholdMs);
    if (!this.longestBlock || ms > this.longestBlock.ms) this.longestBlock = { label, ms };
    // A timed task over the threshold was reported when it ended; the probe adds the others.
    if (owner && owner.end - owner.start > this.thresholdMs) return;
    const task: LongTask = { label, ms, source: 'probe', at: now };
    if (best && !owner) task.inside = { label: best.label, ms: bestOverlap };
    this.remember(task);
  }

  private remember(task: LongTask): void {
    this.recent.push(task);
    if (this.recent.length > RECENT) this.recent.shift();
    this.report(task);
  }
}

function count(map: Map<string, LabelStats>, label: string, ms: number, threshold: number): void {
  let s = map.get(label);
  if (!s) map.set(label, (s = { count: 0, over: 0, totalMs: 0, maxMs: 0 }));
  s.count++;
  if (ms > threshold) s.over++;
  s.totalMs += ms;
  s.maxMs = Math.max(s.maxMs, ms);
}

/** The real probe timer: unref'd, so it never keeps the host alive. */
export const nodeTimer: StartTimer = (tick, intervalMs) => {
  const handle = setInterval(tick, intervalMs);
  handle.unref();
  return { stop: () => clearInterval(handle) };
};

/**
 * `target` with the named methods timed through `monitor.run` as "label: method" (a provider
 * VS Code calls, whose work starts synchronously); every other property passes through.
 */
export function timedMethods<T extends object>(monitor: LongTaskMonitor, label: string, target: T, methods: readonly (keyof T & string)[]): T {
  const names = new Set<string | symbol>(methods);
  return new Proxy(target, {
    get(t, p, receiver) {
      const value: unknown = Reflect.get(t, p, receiver);
      if (!names.has(p) || typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => monitor.run(`${label}: ${String(p)}`, () => (value as (...a: unknown[]) => unknown).apply(t, args));
    },
  });
}
