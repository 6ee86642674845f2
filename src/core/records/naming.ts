// Record file names: `NNNN-kebab-title.yaml`.

export const RECORD_FILE = /^(\d{4,})-[a-z0-9][a-z0-9-]*\.ya?ml$/;

export function padId(id: number): string {
  return String(id).padStart(4, '0');
}

export function kebab(title: string, max = 60): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max && out) break;
    out = next.slice(0, max);
  }
  return out || 'decision';
}

export function recordFileName(id: number, title: string): string {
  return `${padId(id)}-${kebab(title)}.yaml`;
}

/** The id a file name announces, or undefined when the name does not follow the pattern. */
export function idFromFileName(name: string): number | undefined {
  const m = RECORD_FILE.exec(name);
  return m ? Number(m[1]) : undefined;
}
