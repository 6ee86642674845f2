// Who replaces whom in the decision log. A record replaces another when it lists it in
// `supersedes`, or when the other names it in `superseded_by`; both ways count, so a link
// written on one side only still shows. Lint and the supersede edits both ask this.

import type { LoadedRecord } from './types';
import type { FieldPath } from './yaml-paths';

export interface ReplaceLink {
  /** The record that replaces. */
  successor: number;
  /** The record it replaces. */
  predecessor: number;
  /** The record that says so, and the field value where it says it. */
  record: LoadedRecord;
  path: FieldPath;
}

export function replaceLinks(records: readonly LoadedRecord[]): ReplaceLink[] {
  const out: ReplaceLink[] = [];
  for (const r of records) {
    const rec = r.record;
    if (!rec) continue;
    (rec.supersedes ?? []).forEach((p, i) => out.push({ successor: rec.id, predecessor: p, record: r, path: ['supersedes', i] }));
    if (rec.superseded_by !== undefined) out.push({ successor: rec.superseded_by, predecessor: rec.id, record: r, path: ['superseded_by'] });
  }
  return out;
}

/**
 * A chain of ids from `from` down to `to` along "replaces" links ([from, ..., to]), or
 * undefined when `from` does not replace `to`, directly or through others.
 */
export function replacementChain(links: readonly ReplaceLink[], from: number, to: number): number[] | undefined {
  const next = new Map<number, number[]>();
  for (const l of links) next.set(l.successor, [...(next.get(l.successor) ?? []), l.predecessor]);
  const parent = new Map<number, number>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const p of next.get(at) ?? []) {
      if (p === to) {
        const chain = [to, at];
        for (let c = at; c !== from; ) chain.push((c = parent.get(c)!));
        return chain.reverse();
      }
      if (!seen.has(p)) {
        seen.add(p);
        parent.set(p, at);
        queue.push(p);
      }
    }
  }
  return undefined;
}

/** Each link that closes a circle (a record replacing, through others, one that replaces it), with the circle. */
export function replaceCycles(records: readonly LoadedRecord[]): { link: ReplaceLink; cycle: number[] }[] {
  const links = replaceLinks(records);
  const out: { link: ReplaceLink; cycle: number[] }[] = [];
  for (const link of links) {
    if (link.successor === link.predecessor) {
      out.push({ link, cycle: [link.successor, link.successor] });
      continue;
    }
    const back = replacementChain(links, link.predecessor, link.successor);
    if (back) out.push({ link, cycle: [link.successor, ...back] });
  }
  return out;
}

/** "3 supersedes 2, which supersedes 3" for the circle [3, 2, 3]. */
export function describeChain(chain: readonly number[]): string {
  return chain
    .slice(1)
    .reduce((text, id, i) => `${text}${i === 0 ? ' supersedes ' : ', which supersedes '}${id}`, String(chain[0]));
}
