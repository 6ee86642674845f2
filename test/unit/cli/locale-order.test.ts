// What Adrift prints and writes is in the same order on every machine, whatever its locale:
// before, findings and baseline entries were sorted with localeCompare, which follows LANG,
// so a developer's Czech or Swedish machine wrote a baseline in another order than CI's
// (`ch` sorts after `h` in Czech, `ä` after `z` in Swedish, and `Z` among the z's in English).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { adrift, cleanUp, workspace } from './run-cli';
import { writeTree } from '../adopt/tree';

const RECORD = `id: 1
title: The app reaches the core only through its index
status: accepted
date: 2026-01-05
kind: boundaries
context: The core keeps its internals to itself.
decision:
  chosen: Core behind one public file
  rationale: Its internals change often.
enforce:
  modules:
    core:
      paths: [src/core/**]
      public: [src/core/index.ts]
    app:
      paths: [src/app/**]
      uses: [core]
`;

// One private import per file, named so that each locale below sorts them differently.
const NAMES = ['h', 'ch', 'd', 'a', 'Z', 'ä'];

function tree(): Record<string, string> {
  const files: Record<string, string> = {
    'docs/adr/0001-the-app-reaches-the-core-only-through-its-index.yaml': RECORD,
    'src/core/index.ts': "export { secret } from './internal';\n",
    'src/core/internal.ts': 'export const secret = 1;\n',
  };
  for (const n of NAMES) files[`src/app/${n}.ts`] = `import { secret } from '../core/internal';\nexport const ${n === 'ä' ? 'ae' : n} = secret;\n`;
  return files;
}

const LOCALES = ['en_US.UTF-8', 'cs_CZ.UTF-8', 'sv_SE.UTF-8', 'C.UTF-8'];
const localeEnv = (locale: string): NodeJS.ProcessEnv => ({ LANG: locale, LC_ALL: locale, LC_COLLATE: locale });

describe('output order does not depend on the machine\'s locale', function () {
  this.timeout(120_000);
  after(cleanUp);

  it('check lists the findings, and baseline writes its entries, in one order under every locale', () => {
    const reports: string[] = [];
    const baselines: string[] = [];
    for (const locale of LOCALES) {
      const ws = workspace();
      writeTree(ws, tree());
      const check = adrift(['check', ws, '--format', 'json', '--no-cache'], undefined, localeEnv(locale));
      assert.equal(check.code, 1, check.stderr);
      const files = (JSON.parse(check.stdout) as { findings: { file: string; rule: string }[] }).findings.filter((f) => f.rule === 'private-import').map((f) => f.file);
      reports.push(files.join(' '));
      const written = adrift(['baseline', ws, '--baseline', '.adrift-baseline.yaml'], undefined, localeEnv(locale));
      assert.equal(written.code, 0, written.stderr);
      baselines.push(readFileSync(path.join(ws, '.adrift-baseline.yaml'), 'utf8'));
    }
    // UTF-16 code-unit order, as the listing and git ls-files have ASCII paths.
    const expected = ['Z', 'a', 'ch', 'd', 'h', 'ä'].map((n) => `src/app/${n}.ts`).join(' ');
    assert.deepEqual(reports, LOCALES.map(() => expected));
    for (const [i, text] of baselines.entries()) assert.equal(text, baselines[0], `the baseline written under ${LOCALES[i]} differs from ${LOCALES[0]}'s`);
    assert.ok(baselines[0].indexOf('src/app/Z.ts') < baselines[0].indexOf('src/app/ch.ts'));
  });
});
