import * as assert from 'node:assert/strict';
import { childrenOf, hasNamed, unnamedControls } from '../../ui/lib/guide';

// The UI tests' reading of Playwright's ARIA snapshots: these are the failures they must catch.
describe('UI harness: accessible names in an ARIA snapshot', () => {
  it('finds the controls without a name, as the library\'s text fields gave them', () => {
    const snapshot = [
      '- region "Product":',
      '  - heading "Product" [level=3]',
      '  - textbox',
      '  - textbox: Help desk for SMBs',
      '  - textbox "Deciders"',
      '  - checkbox [checked]',
      '  - combobox [expanded=false]:',
      '    - option "Frontend" [selected]',
    ].join('\n');
    assert.deepEqual(unnamedControls(snapshot).map((l) => l.trim()), ['- textbox', '- textbox: Help desk for SMBs', '- checkbox [checked]', '- combobox [expanded=false]:']);
  });

  it('reads a name YAML quoted because it holds ": "', () => {
    const snapshot = `- list "Data each module owns":\n  - listitem:\n    - 'textbox "Data each module owns: Ticket"':\n      - /placeholder: e.g. Ticket`;
    assert.equal(hasNamed(snapshot, 'textbox', 'Data each module owns: Ticket'), true);
    assert.equal(hasNamed(snapshot, 'textbox', 'Data each module owns'), false);
    assert.deepEqual(unnamedControls(snapshot), []);
  });

  it('tells radios announced as checkboxes from radios', () => {
    const asCheckboxes = '- radiogroup "Tenancy model":\n  - checkbox "Shared database"\n  - checkbox "Schema per tenant"\n- group "Options considered for Tenancy model":\n  - checkbox "Shared database"';
    const [group] = childrenOf(asCheckboxes, 'radiogroup');
    assert.deepEqual(group, ['  - checkbox "Shared database"', '  - checkbox "Schema per tenant"']);
    const asRadios = '- radiogroup "Tenancy model":\n  - radio "Shared database" [checked]\n  - radio "Schema per tenant"\n- group "Options considered for Tenancy model":\n  - checkbox "Shared database"';
    assert.deepEqual(childrenOf(asRadios, 'radiogroup')[0], ['  - radio "Shared database" [checked]', '  - radio "Schema per tenant"']);
  });
});
