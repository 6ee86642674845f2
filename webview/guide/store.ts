// The guide's UI state and its persistence: every change goes to the webview state at once
// (survives hiding the view) and, shortly after, to the host's workspace state (survives
// reloading the window), so no typed answer is ever lost.

import type { GuideAnswers, GuideState, GuideTab } from '../../src/protocol/guide';
import type { GuideHost } from './host';

const TABS: GuideTab[] = ['guide', 'drift', 'overview'];

/** A light shape check of what getState() returns: it was written by this code, but maybe an older version. */
export function restoreState(raw: unknown): GuideState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const s = raw as Partial<GuideState>;
  if (s.version !== 1 || typeof s.step !== 'number' || typeof s.answers !== 'object' || s.answers === null) return undefined;
  return {
    version: 1,
    step: s.step,
    answers: s.answers,
    tab: TABS.includes(s.tab as GuideTab) ? (s.tab as GuideTab) : 'guide',
    ...(typeof s.template === 'string' ? { template: s.template } : {}),
    ...(s.writeStatus === 'proposed' || s.writeStatus === 'accepted' ? { writeStatus: s.writeStatus } : {}),
  };
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
    this.host.setState(this.state);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.flush(), 400);
  }

  /** Sends the state to the host now (before a step change, a write, or the page going away). */
  flush(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.host.send({ type: 'saveState', state: this.state });
  }
}
