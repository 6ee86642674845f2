// Which decision a record is, as far as the guide is concerned: the guide proposes at most
// one record per slot, and a new answer supersedes the record in force for that slot.

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

export function decisionSlot(record: SlotInput): DecisionSlot | undefined {
  const tags = record.tags ?? [];
  if (record.kind === 'technology' && record.area) {
    return record.area === 'tenancy' ? 'tenancy' : `technology:${record.area}`;
  }
  if (record.kind === 'build-vs-buy' || (record.build_vs_buy?.length ?? 0) > 0) return 'build-vs-buy';
  if (record.kind === 'evolution' || (record.evolution?.length ?? 0) > 0) return 'evolution';
  if (record.kind === 'boundaries' && tags.includes('split')) return 'split';
  if (record.kind === 'boundaries' && tags.includes('modules')) return 'modules';
  if (record.kind === 'general' && tags.includes('process')) return 'process';
  return undefined;
}
