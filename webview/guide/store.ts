// The guide's UI state and its persistence: every change goes to the webview state at once
// (survives hiding the view) and, within SAVE_DELAY_MS, to the host's workspace state
// (survives reloading the window), so no typed answer and no step is lost to a reload. Each
// change is stamped with the time, so of the two copies found after a reload the newer wins.

import { upgradeAnswers, type GuideAnswers, type GuideState, type GuideTab } from '../../src/protocol/guide';
import type { GuideHost } from './host';

const TABS: GuideTab[] = ['guide', 'drift', 'overview'];

/** At most this long between a change and the host having it: a burst of keys is one message. */
export const SAVE_DELAY_MS = 50;

/** A light shape check of what getState() returns: it was written by this code, but maybe an older version. */
export function restoreState(raw: unknown): GuideState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Partial<GuideState>;
  if (s.version !== 1 || typeof s.step !== 'number' || typeof s.answers !== 'object' || s.answers === null) return undefined;
  return {
    version: 1,
    step: s.step,
    answers: upgradeAnswers(s.answers),
    tab: TABS.includes(s.tab as GuideTab) ? (s.tab as GuideTab) : 'guide',
    ...(typeof s.template === 'string' ? { template: s.template } : {}),
    ...(typeof s.stepId === 'string' ? { stepId: s.stepId } : {}),
    ...(typeof s.savedAt === 'number' ? { savedAt: s.savedAt } : {}),
    ...(s.writeStatus === 'proposed' || s.writeStatus === 'accepted' ? { writeStatus: s.writeStatus } : {}),
  };
}

/** Of two saved copies, the one changed last (a copy without a time counts as oldest). */
export function newerState(a: GuideState | undefined, b: GuideState | undefined): GuideState | undefined {
  if (!a || !b) return a ?? b;
  return (b.savedAt ?? 0) > (a.savedAt ?? 0) ? b : a;
}

export class GuideStore {
  state: GuideState = { version: 1, step: 0, answers: {}, tab: 'guide' };
  private timer: number | undefined;

  constructor(private readonly host: GuideHost) {}

  get answers(): GuideAnswers {
    return this.state.answers;
  }

  /** Call after every change to the state. */
  changed(): void {
    this.state.savedAt = Date.now();
    this.host.setState(this.state);
    // A throttle, not a debounce: typing without a pause still reaches the host every SAVE_DELAY_MS.
    this.timer ??= window.setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  /** Takes the state another guide webview saved, without sending it back. */
  adopt(state: GuideState): void {
    const tab = this.state.tab;
    this.state = { ...state, tab };
    this.host.setState(this.state);
  }

  /** Sends the state to the host now (before a step change, a write, or the page going away). */
  flush(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.host.send({ type: 'saveState', state: this.state });
  }
}
