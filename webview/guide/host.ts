// The guide webview's only door to the extension host: acquireVsCodeApi() is called here
// once. Requests get a fresh id and resolve with the reply carrying it; everything else the
// host sends is an event for the listener.

import type { GuideCommandMessage, GuideMethod, GuideRequests, HostToWebview } from '../../src/protocol/guide';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export type HostEvent = Exclude<HostToWebview, { type: 'reply' }>;

export class GuideHost {
  private readonly api: VsCodeApi = acquireVsCodeApi();
  private nextRequestId = 1;
  private readonly pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly onEvent: (event: HostEvent) => void) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data as HostToWebview;
      if (typeof message !== 'object' || message === null || typeof message.type !== 'string') return;
      if (message.type !== 'reply') {
        this.onEvent(message);
        return;
      }
      const waiting = this.pending.get(message.requestId);
      if (!waiting) return;
      this.pending.delete(message.requestId);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(message.error));
    });
  }

  request<M extends GuideMethod>(method: M, params: GuideRequests[M]['params']): Promise<GuideRequests[M]['result']> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve: (r) => resolve(r as GuideRequests[M]['result']), reject });
      this.api.postMessage({ type: 'request', requestId, method, params });
    });
  }

  send(message: GuideCommandMessage): void {
    this.api.postMessage(message);
  }

  getState(): unknown {
    return this.api.getState();
  }

  setState(state: unknown): void {
    this.api.setState(state);
  }
}
