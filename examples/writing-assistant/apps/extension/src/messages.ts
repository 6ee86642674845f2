// Messages between the content script, the background worker and the popup.
export type ExtensionMessage =
  | { type: 'rewrite-selection'; selection: string; tone: string }
  | { type: 'rewrite-result'; text: string }
  | { type: 'rewrite-error'; reason: 'quota' | 'signed-out' | 'failed' };

export function isExtensionMessage(value: unknown): value is ExtensionMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
