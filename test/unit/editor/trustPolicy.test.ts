import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decideWrite, untrustedWriteQuestion } from '../../../src/extension/service/trustPolicy';

describe('writes in an untrusted workspace', () => {
  it('a trusted workspace writes what a command or Adrift itself writes', () => {
    assert.equal(decideWrite(true, 'command'), 'write');
    assert.equal(decideWrite(true, 'automatic'), 'write');
  });

  it('an untrusted workspace asks before a command writes, and never writes on its own', () => {
    assert.equal(decideWrite(false, 'command'), 'ask');
    assert.equal(decideWrite(false, 'automatic'), 'refuse');
  });

  it('the question names the command and the files', () => {
    assert.equal(
      untrustedWriteQuestion('Assign src/x/** to module x', ['docs/adr/0013-declare-module-x.yaml']),
      'This workspace is not trusted (Restricted Mode). "Assign src/x/** to module x" would write docs/adr/0013-declare-module-x.yaml. Write anyway?',
    );
    assert.match(untrustedWriteQuestion('Renumber', ['a', 'b', 'c', 'd', 'e', 'f', 'g']), /would write a, b, c, d, e and 2 more\./);
  });

  it('the manifest declares limited support and restricts the setting that chooses where records are written', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: unknown; description?: string; restrictedConfigurations?: string[] } };
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(trust.description && trust.description.length > 20);
    assert.deepEqual(trust.restrictedConfigurations, ['adrift.decisionsFolder']);
    for (const key of trust.restrictedConfigurations ?? []) assert.ok(key in manifest.contributes.configuration.properties, `${key} is a contributed setting`);
  });
});
