// The webview's only door to the extension host: `acquireVsCodeApi()` is called here once,
// and everything else talks through the typed `MapHost`.

import type { HostToMapMessage, MapToHostMessage } from '../../src/protocol/map';

/** What the map keeps across hiding the panel or reloading the window (UI state only). */
export interface MapViewState {
  selectedEdge?: string;
  zoom: number;
  /** The reader zoomed by hand; otherwise each drawing is fitted to the panel. */
  zoomed?: boolean;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class MapHost {
  private readonly api: VsCodeApi = acquireVsCodeApi();
  private nextRequestId = 1;
  private readonly pending = new Map<number, (message: HostToMapMessage) => void>();

  constructor(private readonly onMessage: (message: HostToMapMessage) => void) {
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = event.data as HostToMapMessage;
      if (typeof message !== 'object' || message === null || typeof message.type !== 'string') return;
      const requestId = 'requestId' in message ? message.requestId : undefined;
      const settle = requestId === undefined ? undefined : this.pending.get(requestId);
      if (settle && requestId !== undefined) {
        this.pending.delete(requestId);
        settle(message);
      } else {
        this.onMessage(message);
      }
    });
  }

  post(message: MapToHostMessage): void {
    this.api.postMessage(message);
  }

  /** Sends a message carrying a fresh request id and resolves with the host's answer to it. */
  request<T extends HostToMapMessage>(make: (requestId: number) => MapToHostMessage): Promise<T> {
    const requestId = this.nextRequestId++;
    return new Promise<T>((resolve) => {
      this.pending.set(requestId, (answer) => resolve(answer as T));
      this.post(make(requestId));
    });
  }

  get state(): MapViewState {
    const saved = this.api.getState() as Partial<MapViewState> | undefined;
    return {
      zoom: typeof saved?.zoom === 'number' ? saved.zoom : 1,
      zoomed: saved?.zoomed === true,
      ...(typeof saved?.selectedEdge === 'string' ? { selectedEdge: saved.selectedEdge } : {}),
    };
  }

  set state(state: MapViewState) {
    this.api.setState(state);
  }
}
