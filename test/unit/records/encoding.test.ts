// How a record's bytes survive a read and an edit: a UTF-8 byte-order mark, CRLF line
// endings, a Latin-1 record (never rewritten with U+FFFD), UTF-16 named as such.

import * as assert from 'node:assert/strict';
import { decodeText } from '../../../src/core/fs/decode';
import { formatFindingLine } from '../../../src/core/findings';
import { EditError, proposeSuccessor, renumberDuplicates, setStatus, supersede } from '../../../src/core/records/edits';
import { loadDecisionLog } from '../../../src/core/records/store';
import { MemoryFileSystem } from './memory-fs';

const ROOT = '/ws';
const RECORD = 'id: 3\ntitle: Send emails from a queue\nstatus: accepted\ndate: 2026-02-01\ncontext: Retries matter.\n';
const NEXT = 'id: 4\ntitle: Use the database as the queue\nstatus: accepted\ndate: 2026-03-01\n';

async function logWith(bytes: Record<string, Uint8Array>, texts: Record<string, string> = {}) {
  const fs = new MemoryFileSystem(Object.fromEntries(Object.entries(texts).map(([k, v]) => [`${ROOT}/docs/adr/${k}`, v])));
  for (const [k, v] of Object.entries(bytes)) fs.bytes.set(`${ROOT}/docs/adr/${k}`, v);
  return loadDecisionLog(fs, ROOT, { today: '2026-11-27' });
}

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('record encodings', () => {
  it('edits a record that starts with a UTF-8 byte-order mark at the right indent, keeping the mark', async () => {
    const log = await logWith({ '0003-queue.yaml': concat(BOM, utf8(RECORD)) }, { '0004-db.yaml': NEXT });
    assert.deepEqual(log.findings, []);
    assert.equal(log.records[0].rangeOf(['id']).start.column, 0, 'positions count from after the mark, as the editor does');
    const [old, successor] = supersede(log, 3, 4, { today: '2026-11-27' });
    assert.equal(old.text, RECORD.replace('status: accepted\ndate: 2026-02-01\n', 'status: superseded\ndate: 2026-11-27\nsuperseded_by: 4\n'));
    assert.equal(old.bom, true);
    assert.equal(successor.bom, undefined);
  });

  it('keeps CRLF line endings on every inserted line', async () => {
    const crlf = RECORD.replace(/\n/g, '\r\n');
    const log = await logWith({}, { '0003-queue.yaml': crlf, '0004-db.yaml': NEXT.replace(/\n/g, '\r\n') + 'supersedes:\r\n  - 1\r\n' });
    for (const c of [...supersede(log, 3, 4, { today: '2026-11-27' }), proposeSuccessor(log, 3, { today: '2026-11-27' })]) {
      assert.equal(c.text.replace(/\r\n/g, '').includes('\n'), false, `${c.path} has a bare LF:\n${JSON.stringify(c.text)}`);
    }
  });

  it('reads a Latin-1 record with a finding at the first bad byte, and refuses to edit it', async () => {
    const latin1 = new Uint8Array(Buffer.from(RECORD.replace('Retries matter.', 'Retries matter for the café.'), 'latin1'));
    const log = await logWith({ '0003-queue.yaml': latin1 }, { '0004-db.yaml': NEXT });
    assert.deepEqual(log.findings.map(formatFindingLine), [
      'docs/adr/0003-queue.yaml:5:36 decision-schema byte 0xE9 is not valid UTF-8 (was the file saved as Latin-1 or Windows-1252?); Adrift reads the rest, but will not edit this record until it is saved as UTF-8',
    ]);
    assert.equal(log.records[0].record?.status, 'accepted', 'its decision still holds');
    for (const edit of [() => setStatus(log, 3, 'deprecated'), () => supersede(log, 3, 4), () => proposeSuccessor(log, 3)]) {
      assert.throws(edit, (err: unknown) => err instanceof EditError && /0003-queue.yaml is not edited: it is not valid UTF-8 \(byte 0xE9 at line 5, column 36\)/.test(err.message));
    }
    const dup = await logWith({ '0004-latin.yaml': new Uint8Array(Buffer.from(NEXT.replace('database', 'données'), 'latin1')) }, { '0004-db.yaml': NEXT });
    assert.throws(() => renumberDuplicates(dup), /0004-latin.yaml is not edited/);
  });

  it('names UTF-16 as UTF-16, not binary, reads it and refuses to edit it', async () => {
    const le = concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(Buffer.from(RECORD, 'utf16le')));
    const be = new Uint8Array(Buffer.from(NEXT, 'utf16le').swap16());
    const log = await logWith({ '0003-queue.yaml': le, '0004-db.yaml': be });
    assert.deepEqual(log.findings.map(formatFindingLine), [
      'docs/adr/0003-queue.yaml:1:1 decision-schema the file is saved as UTF-16LE, with a byte-order mark; Adrift reads it, but edits only UTF-8 records: save it as UTF-8',
      'docs/adr/0004-db.yaml:1:1 decision-schema the file is saved as UTF-16BE (no byte-order mark; guessed from its NUL bytes); Adrift reads it, but edits only UTF-8 records: save it as UTF-8',
    ]);
    assert.equal(log.records[1].record?.title, 'Use the database as the queue');
    assert.equal(log.records[0].record?.title, 'Send emails from a queue');
    assert.throws(() => setStatus(log, 3, 'deprecated'), /is not edited: it is saved as UTF-16/);
  });

  it('decodes: BOM stripped, valid text untouched, a literal U+FFFD is not an invalid byte', () => {
    assert.deepEqual(decodeText(concat(BOM, utf8('a: 1\n'))), { text: 'a: 1\n', encoding: 'UTF-8', bom: true });
    assert.deepEqual(decodeText(utf8('note: \uFFFD is fine\n')), { text: 'note: \uFFFD is fine\n', encoding: 'UTF-8', bom: false });
    assert.deepEqual(decodeText(new Uint8Array([0x61, 0x0a, 0x62, 0xc3])).invalid, { byte: 0xc3, at: { line: 1, column: 1 } });
    assert.deepEqual(decodeText(new Uint8Array([0xed, 0xa0, 0x80])).invalid?.byte, 0xed, 'an encoded surrogate is not UTF-8');
  });
});
