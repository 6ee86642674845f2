// Finding the node of a field path in a YAML document, so findings and edits can point at
// the exact key or value the user wrote.

import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type FieldPath = readonly (string | number)[];

export interface PathHit {
  /** How many segments of the path were found. */
  depth: number;
  /** The key node of the last map entry found (absent for sequence items and the root). */
  key?: Node;
  /** The value node at the deepest segment found. */
  value?: Node | null;
  pair?: Pair;
}

function keyText(k: unknown): string | undefined {
  if (isScalar(k)) return String(k.value);
  return undefined;
}

export function findMapPair(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => keyText(p.key) === key);
}

/** Walks `path` as far as it exists in the document. */
export function walkPath(doc: Document, path: FieldPath): PathHit {
  let node: unknown = doc.contents;
  const hit: PathHit = { depth: 0, value: doc.contents as Node | null };
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!isSeq(node) || seg < 0 || seg >= node.items.length) break;
      node = node.items[seg];
      hit.key = undefined;
      hit.pair = undefined;
      hit.value = node as Node | null;
    } else {
      const pair = findMapPair(node, seg);
      if (!pair) break;
      node = pair.value;
      hit.key = pair.key as Node;
      hit.pair = pair;
      hit.value = pair.value as Node | null;
    }
    hit.depth++;
  }
  return hit;
}

/** [start, end) offsets of a node, or undefined when it has no source position. */
export function nodeSpan(node: unknown): [number, number] | undefined {
  const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}
