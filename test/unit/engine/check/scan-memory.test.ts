// What a scan keeps of each file (issue 17 item 11): its facts, never its text. In V8 a
// specifier sliced out of the text keeps the whole text alive, which held every file of a
// 200k-file workspace in memory at once.

import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WorkspaceIndex } from '../../../../src/core/engine/index';
import { emptyModel } from '../../../../src/core/model/fold';
import { MemoryFileSystem, relativeAnalyzer } from './memory';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A port whose every read returns a fresh text of ~100 KB, so the files themselves hold nothing. */
class GeneratedFileSystem extends MemoryFileSystem {
  override async readText(p: string): Promise<string | undefined> {
    const stored = this.files.get(p);
    if (stored === undefined) return undefined;
    return `import { helper } from '@acme/some-long-package-name/${p.length}';\nimport { other } from './a-rather-long-relative-path';\n${'// filler line of a hand-written file\n'.repeat(2600)}${stored}`;
  }
}

describe('scan memory', () => {
  it('keeps no file text alive through the specifiers it extracted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`src/f${i}.ts`] = `export const v${i} = ${i};\n`;
    const fs = new GeneratedFileSystem('/ws', files);
    const index = new WorkspaceIndex(fs, '/ws', {}, emptyModel(), relativeAnalyzer(fs, '/ws'), { cache: false });
    gc();
    const before = process.memoryUsage().heapUsed;
    await index.scan();
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    assert.equal(index.sourceFiles().length, 400);
    // The texts add up to 40 MB; the facts of 400 files are well under 10 MB.
    assert.ok(kept < 10_000_000, `${Math.round(kept / 1e6)} MB kept after the scan`);
  });
});
