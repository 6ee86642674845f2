// Discovery proposes the modules a workspace already has, from its own units.

import * as assert from 'node:assert/strict';
import { discoverModules } from '../../../src/core/adopt';
import { cleanUp } from '../cli/run-cli';
import { fs, tree } from './tree';

const ts = (n: number) => `export const x${n} = ${n};\n`;

async function proposals(files: Record<string, string>) {
  const d = await discoverModules(fs, tree(files));
  return { d, rows: d.proposals.map((p) => `${p.name} ${p.paths.join(',')} ${p.fileCount} ${p.source}`) };
}

describe('discoverModules', () => {
  after(cleanUp);

  it('proposes the packages of npm workspaces, ranked by files, with their package names; a package without source is left out, a folder outside them is a folder', async () => {
    const { d, rows } = await proposals({
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*', 'apps/*'] }),
      'packages/ui/package.json': JSON.stringify({ name: '@acme/ui' }),
      'packages/ui/src/button.tsx': ts(1),
      'packages/ui/src/index.ts': ts(2),
      'packages/styles/package.json': JSON.stringify({ name: '@acme/styles' }),
      'packages/styles/theme.css': 'body{}',
      'apps/web/package.json': JSON.stringify({ name: 'web' }),
      'apps/web/src/a.ts': ts(1),
      'apps/web/src/b.ts': ts(2),
      'apps/web/src/c.ts': ts(3),
      'scripts/release.ts': ts(4),
      'release.config.ts': ts(5),
    });
    assert.deepEqual(rows, ['web apps/web/** 3 npm-workspace', 'ui packages/ui/** 2 npm-workspace', 'scripts scripts/** 1 folder']);
    assert.equal(d.proposals[1].unitName, '@acme/ui');
    assert.equal(d.proposals[1].declaredIn, 'packages/ui/package.json');
    assert.deepEqual(d.unassigned, { count: 1, folders: [{ folder: '.', fileCount: 1 }] });
    assert.equal(d.files, 7);
  });

  it('reads pnpm-workspace.yaml with its exclusions (an excluded folder is only a folder), and names two packages of one folder name by their paths', async () => {
    const { rows } = await proposals({
      'pnpm-workspace.yaml': "packages:\n  - 'libs/**'\n  - 'apps/*'\n  - '!libs/legacy'\n",
      'libs/api/package.json': '{}',
      'libs/api/index.ts': ts(1),
      'apps/api/package.json': '{}',
      'apps/api/main.ts': ts(1),
      'apps/api/server.ts': ts(2),
      'libs/legacy/package.json': '{}',
      'libs/legacy/old.ts': ts(1),
    });
    assert.deepEqual(rows, ['apps-api apps/api/** 2 pnpm-workspace', 'legacy libs/legacy/** 1 folder', 'libs-api libs/api/** 1 pnpm-workspace']);
  });

  it('proposes each Go module of a multi-module repository, named by its module path', async () => {
    const { rows } = await proposals({
      'go.work': 'go 1.22\n\nuse (\n\t./api\n\t./worker\n)\n',
      'api/go.mod': 'module example.com/shop/api/v2\n\ngo 1.22\n',
      'api/main.go': 'package main\n',
      'api/handlers/orders.go': 'package handlers\n',
      'worker/go.mod': 'module example.com/shop/worker\n',
      'worker/run.go': 'package worker\n',
    });
    assert.deepEqual(rows, ['api api/** 2 go-module', 'worker worker/** 1 go-module']);
  });

  it('splits a root Go module with nested modules into its packages; the nested modules stay whole and their files are theirs', async () => {
    const { rows } = await proposals({
      'go.mod': 'module github.com/acme/kit/v2\n',
      'app.go': 'package kit\n',
      'transport/http/server.go': 'package http\n',
      'transport/grpc/server.go': 'package grpc\n',
      'log/log.go': 'package log\n',
      'contrib/registry/etcd/go.mod': 'module github.com/acme/kit/contrib/registry/etcd/v2\n',
      'contrib/registry/etcd/etcd.go': 'package etcd\n',
      'contrib/config/etcd/go.mod': 'module github.com/acme/kit/contrib/config/etcd/v2\n',
      'contrib/config/etcd/etcd.go': 'package etcd\n',
      'contrib/config/etcd/watch.go': 'package etcd\n',
    });
    assert.deepEqual(rows, [
      'contrib-config-etcd contrib/config/etcd/** 2 go-module',
      'transport transport/** 2 go-package',
      'contrib-registry-etcd contrib/registry/etcd/** 1 go-module',
      'kit *.go 1 go-package',
      'log log/** 1 go-package',
    ]);
  });

  it('splits a single Go module into its packages, one level into internal/, pkg/ and cmd/, keeping the root package to its own files', async () => {
    const { d, rows } = await proposals({
      'go.mod': 'module github.com/acme/svc\n',
      'svc.go': 'package svc\n',
      'internal/auth/auth.go': 'package auth\n',
      'internal/auth/token.go': 'package auth\n',
      'internal/store/db.go': 'package store\n',
      'pkg/api/api.go': 'package api\n',
      'cmd/svc/main.go': 'package main\n',
      'util/strings.go': 'package util\n',
    });
    assert.deepEqual(rows, [
      'auth internal/auth/** 2 go-package',
      'api pkg/api/** 1 go-package',
      'cmd-svc cmd/svc/** 1 go-package',
      'store internal/store/** 1 go-package',
      'svc *.go 1 go-package',
      'util util/** 1 go-package',
    ]);
    assert.equal(d.proposals[0].unitName, 'github.com/acme/svc/internal/auth');
  });

  it('splits a lone Python package (src layout) into its subpackages; the package keeps its own modules', async () => {
    const { d, rows } = await proposals({
      'pyproject.toml': '[project]\nname = "mylib"\n',
      'src/mylib/__init__.py': '',
      'src/mylib/util.py': 'import os\n',
      'src/mylib/core/__init__.py': '',
      'src/mylib/core/engine.py': 'from ..util import x\n',
      'src/mylib/io/__init__.py': '',
      'src/mylib/io/files.py': '',
      'src/mylib/io/net.py': '',
      'tests/test_engine.py': 'import mylib\n',
    });
    assert.deepEqual(rows, [
      'io src/mylib/io/** 3 python-package',
      'core src/mylib/core/** 2 python-package',
      'mylib src/mylib/** 2 python-package',
      'tests tests/** 1 folder',
    ]);
    assert.equal(d.proposals[0].unitName, 'mylib.io');
    assert.deepEqual(d.unassigned, { count: 0, folders: [] });
  });

  it('splits the one project package next to its tests; a folder of example packages is one module', async () => {
    const { rows } = await proposals({
      'fastish/__init__.py': '',
      'fastish/routing.py': '',
      'fastish/security/__init__.py': '',
      'fastish/openapi/__init__.py': '',
      'tests/__init__.py': '',
      'tests/test_a.py': '',
      'tests/unit/__init__.py': '',
      'tests/unit/test_b.py': '',
      'docs_src/body/__init__.py': '',
      'docs_src/body/tutorial001.py': '',
      'docs_src/query/__init__.py': '',
    });
    assert.deepEqual(rows, [
      'tests tests/** 4 python-package',
      'docs-src docs_src/** 3 folder',
      'fastish fastish/** 2 python-package',
      'openapi fastish/openapi/** 1 python-package',
      'security fastish/security/** 1 python-package',
    ]);
  });

  it('without workspace packages, proposes the folders under src/, going down through a folder that only groups others', async () => {
    const { rows } = await proposals({
      'package.json': JSON.stringify({ name: 'helpdesk' }),
      'src/app/page.tsx': ts(1),
      'src/app/tickets/page.tsx': ts(2),
      'src/server/ticket/index.ts': ts(1),
      'src/server/ticket/sla.ts': ts(2),
      'src/server/user/index.ts': ts(1),
      'src/lib/format.ts': ts(1),
    });
    assert.deepEqual(rows, ['app src/app/** 2 folder', 'ticket src/server/ticket/** 2 folder', 'lib src/lib/** 1 folder', 'user src/server/user/** 1 folder']);
  });

  it('falls back to the top folders of the root, and proposes nothing in a workspace without source files', async () => {
    const { rows } = await proposals({ 'billing/a.py': '', 'billing/b.py': '', 'reports/c.py': '', 'setup.py': '' });
    assert.deepEqual(rows, ['billing billing/** 2 folder', 'reports reports/** 1 folder']);
    const empty = await discoverModules(fs, tree({ 'README.md': '# hi\n' }));
    assert.deepEqual(empty.proposals, []);
    assert.equal(empty.files, 0);
  });

  it('reads past a broken package.json, pnpm-workspace.yaml or go.mod and proposes what it can', async () => {
    const { rows } = await proposals({
      'package.json': '{ "workspaces": [',
      'pnpm-workspace.yaml': 'packages: [unclosed\n  - : :\n',
      'packages/a/package.json': '\u0000\u0001binary',
      'packages/a/index.ts': ts(1),
      'svc/go.mod': 'module "unterminated\n',
      'svc/main.go': 'package main\n',
    });
    assert.deepEqual(rows, ['a packages/a/** 1 folder', 'svc svc/** 1 go-module']);
  });

  it('escapes glob characters of a folder name, so the proposal claims exactly that folder', async () => {
    const { d } = await proposals({ 'src/[slug]/page.tsx': ts(1), 'src/s/page.tsx': ts(2) });
    assert.deepEqual(
      d.proposals.map((p) => [p.name, p.paths[0], p.fileCount]),
      [
        ['s', 'src/s/**', 1],
        ['slug', 'src/\\[slug\\]/**', 1],
      ],
    );
  });
});
