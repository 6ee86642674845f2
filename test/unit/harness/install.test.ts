import * as assert from 'node:assert/strict';
import { withoutKerberos } from '../../harness/install';

// Excerpts of lib/vscode/package.json and npm-shrinkwrap.json of code-server 4.100.3 (MIT,
// Coder Technologies / Microsoft), cut down to the entries around kerberos.
const manifest = {
  name: 'code-oss-dev',
  version: '1.100.3',
  dependencies: { '@vscode/ripgrep': '^1.15.11', '@vscode/spdlog': '^0.15.0', 'node-pty': '1.1.0-beta33' },
  optionalDependencies: { kerberos: '2.1.1' },
};
const shrinkwrap = {
  name: 'code-oss-dev',
  lockfileVersion: 3,
  packages: {
    '': { name: 'code-oss-dev', version: '1.100.3', dependencies: manifest.dependencies, optionalDependencies: { kerberos: '2.1.1' } },
    'node_modules/@vscode/spdlog': { version: '0.15.0', hasInstallScript: true, dependencies: { bindings: '^1.5.0', 'node-addon-api': '7.1.0' } },
    'node_modules/bindings': { version: '1.5.0', dependencies: { 'file-uri-to-path': '1.0.0' } },
    'node_modules/kerberos': {
      version: '2.1.1',
      hasInstallScript: true,
      optional: true,
      dependencies: { bindings: '^1.5.0', 'node-addon-api': '^6.1.0', 'prebuild-install': '^7.1.2' },
    },
    'node_modules/kerberos/node_modules/node-addon-api': { version: '6.1.0' },
    'node_modules/prebuild-install': { version: '7.1.2', optional: true },
  },
};

describe('offline VS Code install without the kerberos build', () => {
  it('takes kerberos out of the dependencies VS Code declares, keeping every other one', () => {
    const patched = withoutKerberos(manifest, shrinkwrap);
    assert.deepEqual(patched.manifest.dependencies, manifest.dependencies);
    assert.deepEqual(patched.manifest.optionalDependencies, {});
    assert.deepEqual(patched.shrinkwrap.packages?.['']?.optionalDependencies, {});
    assert.deepEqual(patched.shrinkwrap.packages?.['']?.dependencies, manifest.dependencies);
  });

  it('drops the locked kerberos package, so npm neither fetches nor builds it', () => {
    const packages = withoutKerberos(manifest, shrinkwrap).shrinkwrap.packages ?? {};
    assert.equal(packages['node_modules/kerberos'], undefined);
    assert.equal(packages['node_modules/kerberos/node_modules/node-addon-api'], undefined);
    assert.deepEqual(packages['node_modules/@vscode/spdlog'], shrinkwrap.packages['node_modules/@vscode/spdlog']);
    assert.deepEqual(packages['node_modules/bindings'], shrinkwrap.packages['node_modules/bindings']);
  });

  it('leaves a VS Code that does not depend on kerberos as it was', () => {
    const plain = { name: 'code-oss-dev', dependencies: { 'node-pty': '1.1.0' } };
    const lock = { packages: { '': plain, 'node_modules/node-pty': { version: '1.1.0' } } };
    assert.deepEqual(withoutKerberos(plain, lock), { manifest: plain, shrinkwrap: lock });
  });
});
