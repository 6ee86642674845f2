// Which decision a record is, as far as the guide and the overview are concerned: the guide
// proposes at most one record per slot, and a new answer supersedes the record(s) in force
// for that slot. Records written by hand are recognised by their kind, area, tags and
// enforce section, so the guide can follow up on a log it did not write.

import type { DecisionRecord } from '../records/types';

export type DecisionSlot =
  | 'process'
  | 'tenancy'
  | 'modules'
  | 'split'
  | 'build-vs-buy'
  | 'evolution'
  | `technology:${string}`;

type SlotInput = Pick<DecisionRecord, 'kind' | 'area' | 'tags' | 'enforce' | 'build_vs_buy' | 'evolution'>;

const SPLIT_TAGS = ['split', 'frontend', 'backend'];

export function decisionSlot(record: SlotInput): DecisionSlot | undefined {
  const tags = record.tags ?? [];
  if (record.kind === 'technology' && record.area) {
    return record.area === 'tenancy' ? 'tenancy' : `technology:${record.area}`;
  }
  if (record.kind === 'build-vs-buy' || (record.build_vs_buy?.length ?? 0) > 0) return 'build-vs-buy';
  if (record.kind === 'evolution' || (record.evolution?.length ?? 0) > 0) return 'evolution';
  if (record.kind === 'boundaries') {
    if (tags.includes('split')) return 'split';
    if (tags.includes('modules') || record.enforce?.modules) return 'modules';
    if (tags.some((t) => SPLIT_TAGS.includes(t)) || record.enforce?.imports?.forbid?.length) return 'split';
    return undefined;
  }
  if (tags.includes('tenancy')) return 'tenancy';
  if (record.kind === 'general' && tags.includes('process')) return 'process';
  return undefined;
}
