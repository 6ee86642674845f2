// Which source files count as text: a file is decoded as strict UTF-8, so a literal U+FFFD
// (the replacement character, written on purpose) is code like any other, and only bytes
// that are not UTF-8 make a file "not valid UTF-8" (issue 17 item 4, last bullet). Such a file
// is still read, with U+FFFD in their place, and a finding says where (issue 12).

import * as assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace } from '../../../../src/core/engine/check';
import { decodeSourceText } from '../../../../src/core/engine/files';
import { NodeFileSystem } from '../../../../src/core/fs/node';

const DECISION = 'id: 1\ntitle: Two modules\nstatus: accepted\ndate: 2026-11-27\nenforce:\n  modules:\n    ticket: { paths: [src/ticket/**] }\n    user: { paths: [src/user/**] }\n';

describe('source text encoding', () => {
  let root: string;
  beforeEach(async () => {
    root = await fsp.mkdtemp(path.join(os.tmpdir(), 'adrift-encoding-'));
    await fsp.mkdir(path.join(root, 'docs/adr'), { recursive: true });
    await fsp.mkdir(path.join(root, 'src/ticket'), { recursive: true });
    await fsp.mkdir(path.join(root, 'src/user'), { recursive: true });
    await fsp.writeFile(path.join(root, 'docs/adr/0001-two-modules.yaml'), DECISION);
    await fsp.writeFile(path.join(root, 'src/user/session.ts'), 'export const currentUser = 1;\n');
  });
  afterEach(() => fsp.rm(root, { recursive: true, force: true }));

  it('checks a valid UTF-8 file that contains a literal U+FFFD, and finds its edge', async () => {
    await fsp.writeFile(path.join(root, 'src/ticket/service.ts'), "const unknown = '\uFFFD';\nimport { currentUser } from '../user/session';\n", 'utf8');
    const result = await checkWorkspace(new NodeFileSystem(), root, { cache: false, baseline: false });
    assert.deepEqual(result.stats.skipped, []);
    assert.deepEqual(result.findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule}`), ['src/ticket/service.ts:2 module-dependency']);
  });

  it('reads a file with bytes that are not UTF-8, finds its edge, and says where the first bad byte is', async () => {
    const latin1 = Buffer.concat([Buffer.from("import { currentUser } from '../user/session';\n// caf"), Buffer.from([0xe9]), Buffer.from('\n')]);
    await fsp.writeFile(path.join(root, 'src/ticket/service.ts'), latin1);
    const result = await checkWorkspace(new NodeFileSystem(), root, { cache: false, baseline: false });
    assert.deepEqual(result.stats.skipped, []);
    assert.deepEqual(result.findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.column + 1} ${f.rule} ${f.severity}`), [
      'src/ticket/service.ts:1:29 module-dependency error',
      'src/ticket/service.ts:2:7 skipped-file info',
    ]);
    assert.match(result.findings[1].message, /^byte 0xE9 is not valid UTF-8 .*checks the rest of the file/);
  });

  it('decodes strictly: literal U+FFFD and a BOM are text, a lone continuation byte or a truncated sequence is not', () => {
    assert.deepEqual(decodeSourceText(Buffer.from('a\uFFFDb', 'utf8')), { text: 'a\uFFFDb' });
    assert.deepEqual(decodeSourceText(Buffer.from('\uFEFFx', 'utf8')), { text: '\uFEFFx' });
    assert.deepEqual(decodeSourceText(Buffer.from([0x61, 0x0a, 0x80])), { text: 'a\n\uFFFD', invalid: { byte: 0x80, at: { line: 1, column: 0 } } });
    // A 4-byte sequence cut after 3 bytes: lossy decoding gives one U+FFFD of the same length.
    assert.deepEqual(decodeSourceText(Buffer.from([0x61, 0xf0, 0x9f, 0x98, 0x61])), { text: 'a\uFFFDa', invalid: { byte: 0xf0, at: { line: 0, column: 1 } } });
  });
});
