// The drift chart's only door to the extension host: `acquireVsCodeApi()` is called here once.

import type { DriftToHostMessage, HostToDriftMessage } from '../../src/protocol/drift';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class DriftHost {
  private readonly api: VsCodeApi = acquireVsCodeApi();

  constructor(onMessage: (message: HostToDriftMessage) => void) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data as HostToDriftMessage;
      if (typeof message === 'object' && message !== null && typeof message.type === 'string') onMessage(message);
    });
  }

  post(message: DriftToHostMessage): void {
    this.api.postMessage(message);
  }

  /** The focused point's commit, kept while the panel is hidden (UI state only). */
  get focused(): string | undefined {
    const saved = this.api.getState() as { focused?: unknown } | undefined;
    return typeof saved?.focused === 'string' ? saved.focused : undefined;
  }

  set focused(commit: string | undefined) {
    this.api.setState({ focused: commit });
  }
}
