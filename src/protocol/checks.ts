// The small shape checks every webview protocol's parser uses on untrusted messages.
// No `vscode` and no DOM here: the file compiles in both the extension and the webviews.

export type Fields = Record<string, unknown>;

export function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

export function isText(value: unknown, max = 1000): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}
