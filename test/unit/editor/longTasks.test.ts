// The long-task monitor on a fake clock: the lag probe sees every block over the threshold,
// whoever caused it, and charges it to the Adrift task that ran (or to "not Adrift").
import * as assert from 'node:assert/strict';
import { LongTaskMonitor, NOT_ADRIFT, timedMethods, type LongTask, type StartTimer } from '../../../src/extension/service/longTasks';

/** A clock that moves only when told; the probe's timer is ticked by hand. */
function rig(options: { memory?: () => { rss: number; heapUsed: number }; memoryEvery?: number } = {}) {
  let t = 1000;
  const reported: LongTask[] = [];
  let tick: (() => void) | undefined;
  const start: StartTimer = (fn) => {
    tick = fn;
    return { stop: () => (tick = undefined) };
  };
  const monitor = new LongTaskMonitor({ now: () => t, report: (task) => reported.push(task), intervalMs: 20, thresholdMs: 50, ...options });
  monitor.start(start);
  return {
    monitor,
    reported,
    advance: (ms: number) => (t += ms),
    /** The timer fires `lateBy` ms after it was due. */
    fire: (lateBy = 0) => {
      t += 20 + lateBy;
      assert.ok(tick, 'the probe runs');
      tick();
    },
    get running() {
      return tick !== undefined;
    },
  };
}

describe('Long-task monitor', () => {
  it('times a synchronous task and reports it only when over the threshold', () => {
    const r = rig();
    assert.equal(r.monitor.run('quick', () => (r.advance(10), 'value')), 'value');
    r.monitor.run('slow', () => r.advance(80));
    const stats = r.monitor.stats();
    assert.equal(stats.tasksOver, 1);
    assert.deepEqual(stats.longestTask, { label: 'slow', ms: 80 });
    assert.deepEqual(stats.byLabel.quick, { count: 1, over: 0, totalMs: 10, maxMs: 10 });
    assert.deepEqual(r.reported.map((t) => [t.label, t.ms, t.source]), [['slow', 80, 'task']]);
  });

  it('times a task that throws, and rethrows', () => {
    const r = rig();
    assert.throws(() => r.monitor.run('broken', () => {
      r.advance(60);
      throw new Error('boom');
    }), /boom/);
    assert.equal(r.monitor.stats().tasksOver, 1);
  });

  it('a timer on time or a little late is no block', () => {
    const r = rig();
    r.fire(0);
    r.fire(49);
    assert.equal(r.monitor.stats().blocksOver, 0);
    assert.equal(r.monitor.stats().probe.ticks, 2);
  });

  it('a late timer is a block of the lateness; with no Adrift task running it is "not Adrift"', () => {
    const r = rig();
    r.fire(0);
    r.fire(300);
    const stats = r.monitor.stats();
    assert.equal(stats.blocksOver, 1);
    assert.deepEqual(stats.longestBlock, { label: NOT_ADRIFT, ms: 300 });
    assert.deepEqual(r.reported.map((t) => [t.label, t.ms, t.source]), [[NOT_ADRIFT, 300, 'probe']]);
  });

  it('charges a block to the timed task that covers most of it, reported once', () => {
    const r = rig();
    r.fire(0);
    r.monitor.run('re-checking an edited file', () => r.advance(200));
    r.fire(-20 + 5); // the timer fires right after the task: 200 ms late minus its own interval
    const stats = r.monitor.stats();
    assert.deepEqual(stats.longestBlock, { label: 're-checking an edited file', ms: 185 });
    assert.deepEqual(r.reported.map((t) => t.source), ['task'], 'the task reported itself; the probe adds nothing');
  });

  it('a block mostly not Adrift names the Adrift task that ran part of it', () => {
    const r = rig();
    r.fire(0);
    r.advance(20); // the timer is due: from here on the thread is blocked
    r.monitor.run('diagnostics: publishing findings', () => r.advance(30));
    r.advance(400);
    r.fire(-20);
    const [block] = r.reported;
    assert.equal(block.label, NOT_ADRIFT);
    assert.deepEqual(block.inside, { label: 'diagnostics: publishing findings', ms: 30 });
  });

  it('a tracked asynchronous task owns a block in which it showed progress, by phase', async () => {
    const r = rig();
    let resume: () => void = () => undefined;
    const scan = r.monitor.track('scan', async () => {
      r.monitor.phase('scan', 'reading');
      await new Promise<void>((resolve) => (resume = resolve));
    });
    r.fire(0);
    // A slice of the scan: 20 ms after the timer was due it reports progress, still reading.
    r.advance(20 + 150);
    r.monitor.phase('scan', 'reading');
    r.monitor.phase('scan', 'resolving');
    r.fire(-20);
    // A block with no progress while the scan runs: maybe the scan, maybe another extension.
    r.fire(300);
    // The scan's last slice ends in its completion.
    r.advance(20 + 700);
    resume();
    await scan;
    r.fire(-20);
    // After the scan: nobody's.
    r.fire(90);
    assert.deepEqual(
      r.reported.map((t) => [t.label, t.ms]),
      [['scan: reading', 150], ['scan: resolving (unconfirmed)', 300], ['scan: resolving', 700], [NOT_ADRIFT, 90]],
    );
    assert.equal(r.monitor.stats().blocksOver, 4);
  });

  it('an unconfirmed block goes to the tracked task busy last before it, not to one waiting', async () => {
    const r = rig();
    const resumes: (() => void)[] = [];
    const waiting = (): Promise<void> => new Promise<void>((resolve) => resumes.push(resolve));
    const idle = (ms: number): void => {
      for (let i = 0; i < ms / 20; i++) r.fire(0);
    };
    const scan = r.monitor.track('scan', waiting);
    idle(500);
    const compare = r.monitor.track('since-base status', waiting); // started later, then waits on git
    idle(300);
    r.monitor.progressed('scan'); // the scan polls its token: a slice starts
    r.advance(20 + 400);
    r.fire(-20);
    idle(1500);
    r.fire(200); // nobody showed progress for over a second
    for (const resume of resumes) resume();
    await Promise.all([scan, compare]);
    assert.deepEqual(r.reported.map((t) => t.label), ['scan (unconfirmed)', NOT_ADRIFT]);
  });

  it("does not count what a sliced loop awaits (a worker's batch) as its slice's work", async () => {
    const r = rig();
    const slicer = r.monitor.slicer('scan', { due: () => false, pause: () => Promise.resolve() });
    let answer: (n: number) => void = () => undefined;
    const scan = r.monitor.track('scan', async () => {
      r.advance(10); // 10 ms of work, then a batch from a worker
      const got = await slicer.wait!(new Promise<number>((resolve) => (answer = resolve)));
      r.advance(15); // 15 ms taking its outcomes
      await slicer.pause();
      return got;
    });
    r.advance(800); // the worker's 800 ms: the thread is free meanwhile
    answer(256);
    assert.equal(await scan, 256);
    const slices = r.monitor.stats().byLabel['scan (slice)'];
    assert.deepEqual([slices.count, slices.maxMs, slices.totalMs], [2, 15, 25]);
  });

  it('times the work between reads that settle side by side (the resolver reading several settings files at once)', async () => {
    const r = rig();
    const slicer = r.monitor.slicer('scan', { due: () => false, pause: () => Promise.resolve() });
    const answers: (() => void)[] = [];
    const read = () => slicer.wait!(new Promise<void>((resolve) => answers.push(resolve)));
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const scan = r.monitor.track('scan', async () => {
      // Three reads at once, each parsed for 40 ms once it settles.
      await Promise.all([read().then(() => r.advance(40)), read().then(() => r.advance(40)), read().then(() => r.advance(40))]);
      await slicer.pause();
    });
    r.advance(300); // the reads' 300 ms: the thread is free meanwhile
    answers[0]();
    await turn();
    await turn(); // the turn in which the first parse ran has ended
    r.advance(200); // nothing of the scan's runs until the next read is in
    answers[1]();
    answers[2](); // in the same turn: its parse follows the other's without a turn between
    await scan;
    const slices = r.monitor.stats().byLabel['scan (slice)'];
    assert.equal(slices.totalMs, 120, 'the three parses are timed, the reads and the wait between them are not');
    assert.equal(slices.maxMs, 80, 'two parses in one turn are one block');
  });

  it("times each slice of a sliced loop exactly, and charges a block to a slice only when it ran most of it", async () => {
    const r = rig();
    const resumes: (() => void)[] = [];
    const slicer = r.monitor.slicer('publishing', { due: () => true, pause: () => new Promise<void>((resolve) => resumes.push(resolve)) });
    const publish = r.monitor.track('publishing', async () => {
      await slicer.pause();
      // Its second slice runs long (a slow set() call), then pauses.
      r.advance(20 + 100);
      await slicer.pause();
      // Its third is short, after something else ran 200 ms.
      r.advance(5);
      await slicer.pause();
    });
    r.fire(0);
    resumes[0]();
    await new Promise<void>((resolve) => setImmediate(resolve));
    r.fire(-20);
    r.advance(200);
    resumes[1]();
    await new Promise<void>((resolve) => setImmediate(resolve));
    r.fire(0);
    resumes[2]();
    await publish;
    const stats = r.monitor.stats();
    assert.deepEqual(r.reported.map((t) => [t.label, t.ms, t.inside?.label]), [
      ['publishing (slice)', 120, undefined],
      ['publishing (unconfirmed)', 205, 'publishing (slice)'],
    ]);
    assert.equal(stats.byLabel['publishing (slice)'].count, 3);
    assert.equal(stats.byLabel['publishing (slice)'].maxMs, 120);
  });

  it('a nested task is counted in its own label but reported once, by the outer task', () => {
    const r = rig();
    r.monitor.run('outer', () => {
      r.monitor.run('inner', () => r.advance(70));
      r.advance(10);
    });
    const stats = r.monitor.stats();
    assert.equal(stats.byLabel.inner.over, 1);
    assert.equal(stats.tasksOver, 1);
    assert.deepEqual(r.reported.map((t) => t.label), ['outer']);
  });

  it('wraps functions and provider methods, keeping `this` and results', () => {
    const r = rig();
    const provider = {
      factor: 3,
      provide(x: number): number {
        r.advance(60);
        return x * this.factor;
      },
      other(): string {
        return 'untimed';
      },
    };
    const timed = timedMethods(r.monitor, 'hover', provider, ['provide']);
    assert.equal(timed.provide(2), 6);
    assert.equal(timed.other(), 'untimed');
    assert.equal(r.monitor.wrap('handler', (a: number, b: number) => a + b)(1, 2), 3);
    assert.deepEqual(Object.keys(r.monitor.stats().byLabel).sort(), ['handler', 'hover: provide']);
  });

  it('keeps the memory peak of its samples', () => {
    const readings = [100, 300, 200].map((mb) => ({ rss: mb * 1024 * 1024, heapUsed: (mb / 2) * 1024 * 1024 }));
    let i = 0;
    const r = rig({ memory: () => readings[i++ % readings.length], memoryEvery: 1 });
    r.fire();
    r.fire();
    r.fire();
    assert.deepEqual(r.monitor.stats().memory, { rssMb: 300, heapUsedMb: 150, samples: 3 });
  });

  it('resets its figures and stops its timer', () => {
    const r = rig();
    r.fire(500);
    r.monitor.reset();
    assert.equal(r.monitor.stats().blocksOver, 0);
    assert.deepEqual(r.monitor.stats().recent, []);
    r.monitor.stop();
    assert.equal(r.running, false);
  });
});
