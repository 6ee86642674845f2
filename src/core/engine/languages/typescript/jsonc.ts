// tsconfig.json and friends are JSON with comments and trailing commas. This strips both
// (outside strings) and parses what is left; invalid text gives undefined, never a throw.

export function parseJsonc(text: string): unknown {
  let out = '';
  let i = 0;
  let copied = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      out += text.slice(copied, i);
      while (i < n && text.charCodeAt(i) !== 10) i++;
      copied = i;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      out += text.slice(copied, i);
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
      copied = i;
    } else if (c === 44 /* , */) {
      // A comma followed (after blanks and comments) by a closing bracket is dropped.
      let j = i + 1;
      for (;;) {
        while (j < n && /\s/.test(text[j])) j++;
        if (text.startsWith('//', j)) {
          while (j < n && text.charCodeAt(j) !== 10) j++;
        } else if (text.startsWith('/*', j)) {
          const close = text.indexOf('*/', j + 2);
          j = close === -1 ? n : close + 2;
        } else break;
      }
      if (text[j] === '}' || text[j] === ']') {
        out += text.slice(copied, i);
        copied = i + 1;
      }
      i++;
    } else i++;
  }
  out += text.slice(copied);
  try {
    return JSON.parse(out.charCodeAt(0) === 0xfeff ? out.slice(1) : out) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
