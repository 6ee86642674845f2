// The MADR export's Confirmation section: what Adrift checks for a record, in words, from its
// `enforce` block; and an import of the export that does not read it back as the author's text.

import * as assert from 'node:assert/strict';
import { confirmationText } from '../../../src/core/records/markdown/confirmation';
import { importMarkdownRecord } from '../../../src/core/records/markdown/import';
import { recordToMadr } from '../../../src/core/records/markdown/madr-export';
import { parseRecord } from '../../../src/core/records/parse';
import type { DecisionRecord } from '../../../src/core/records/types';

const record = (yaml: string): DecisionRecord => {
  const r = parseRecord('docs/adr/0009-r.yaml', yaml);
  assert.deepEqual(r.findings, []);
  return r.record!;
};

const EVERYTHING = record(`id: 9
title: Split billing and generation, buy Stripe and OpenAI
status: accepted
date: 2026-11-02
decision:
  chosen: Modules with bought SDKs behind them
  rationale: Two engineers; vendors stay replaceable.
consequences: { good: [one place to swap a vendor], bad: [a thin wrapper per vendor] }
enforce:
  modules:
    billing:
      paths: [backend/billing/**]
      public: [backend/billing/__init__.py]
      owns: [invoices, usage_events]
      uses: [core]
    generation:
      paths: [backend/generation/**, backend/prompts/**]
      uses: [billing, core]
    core:
      description: Settings and the database session.
  undeclared: warn
  type_only: ignore
  packages:
    forbid: [{ name: langchain, reason: "we call the providers' SDKs directly" }]
    only_in:
      stripe: [billing]
      openai: [generation, billing]
  imports:
    forbid: [{ from: "web/**", to: "backend/**", reason: the web app talks to the API over HTTP }]
`);

const UNCHECKED = record(`id: 4
title: Run jobs in Firecracker microVMs
status: accepted
date: 2026-11-02
review_by: 2027-05-01
decision:
  chosen: Firecracker
`);

describe('MADR Confirmation', () => {
  it('says in words what Adrift checks, from every part of the enforce block', () => {
    assert.equal(
      confirmationText(EVERYTHING),
      [
        'Adrift checks this decision in code while it is accepted (`adrift check` in CI, and the editor as you type):',
        '',
        '* Module `billing` is the code in `backend/billing/**`. It may import module `core`; other modules may import only `backend/billing/__init__.py`; only `billing` may touch `invoices` and `usage_events` (module-dependency, private-import, data-ownership).',
        '* Module `generation` is the code in `backend/generation/**` and `backend/prompts/**`. It may import modules `billing` and `core` (module-dependency).',
        '* Module `core` is named here; its folders come from another record.',
        '* An import between modules that no accepted decision allows is a warning (module-dependency).',
        '* Type-only imports (`import type`, `if TYPE_CHECKING:`) do not count as dependencies.',
        "* No file may import the package `langchain`: we call the providers' SDKs directly (forbidden-package).",
        '* Only module `billing` may import the package `stripe`; an import anywhere else, in a file of no module too, is a finding (confined-package).',
        '* Only modules `generation` and `billing` may import the package `openai`; an import anywhere else, in a file of no module too, is a finding (confined-package).',
        '* Files in `web/**` may not import files in `backend/**`: the web app talks to the API over HTTP (forbidden-import).',
      ].join('\n'),
    );
  });

  it('says when a decision is not checked in code, and when it is due for review', () => {
    assert.equal(confirmationText(UNCHECKED), 'Adrift does not check this decision in code: the record has no `enforce` block. Confirm it in review; it is due for review by 2027-05-01.');
    assert.match(confirmationText({}), /no `enforce` block\. Confirm it in review; set `review_by` so the team is reminded/);
    assert.match(confirmationText({ enforce: { modules: {} } }), /its `enforce` block names nothing that can be checked/);
  });

  it('sits under Decision Outcome after Consequences, or on its own without a decision', () => {
    const md = recordToMadr(EVERYTHING);
    const at = (h: string) => md.indexOf(`\n${h}\n`);
    assert.ok(at('## Decision Outcome') < at('### Consequences') && at('### Consequences') < at('### Confirmation'), md);
    assert.ok(at('### Confirmation') < at('## More Information') || at('## More Information') < 0);
    const bare = recordToMadr({ id: 1, title: 'Record decisions', status: 'proposed', date: '2026-11-02' });
    assert.ok(bare.includes('\n## Confirmation\n\nAdrift does not check this decision in code'), bare);
  });

  it('is not read back as text of the record: export → import → export is the same file', () => {
    const bare: DecisionRecord = { id: 1, title: 'Record decisions', status: 'proposed', date: '2026-11-02' };
    for (const rec of [EVERYTHING, UNCHECKED, bare]) {
      const md = recordToMadr(rec);
      const back = importMarkdownRecord('0009-r.md', md, { today: '2026-11-27' })!;
      assert.deepEqual(back.record.decision, rec.decision, rec.title);
      assert.equal(back.record.context, rec.context, rec.title);
      assert.equal(recordToMadr(back.record), md, rec.title);
    }
  });

  it('keeps a Confirmation the author wrote or edited, as the importer keeps any section', () => {
    const md = recordToMadr(UNCHECKED).replace('Confirm it in review;', 'A load test in staging confirms it;');
    const back = importMarkdownRecord('0004-r.md', md, { today: '2026-11-27' })!;
    assert.match(back.record.decision?.rationale ?? '', /A load test in staging confirms it/);
  });
});
