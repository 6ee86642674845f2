// How a finding names the record it is about: id, title, status, file and line.

import type { DecisionRef } from '../findings';
import type { LoadedRecord } from './types';

export function refOf(r: LoadedRecord, line?: number): DecisionRef | undefined {
  const id = r.record?.id ?? r.header.id;
  if (id === undefined) return undefined;
  return {
    id,
    title: r.record?.title ?? r.header.title ?? '',
    status: r.record?.status ?? r.header.status ?? '',
    file: r.file,
    line: line ?? r.rangeOf(['id']).start.line,
  };
}
