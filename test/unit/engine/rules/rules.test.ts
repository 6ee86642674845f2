import * as assert from 'node:assert/strict';
import { createRuleContext, evaluateFile } from '../../../../src/core/engine/rules';
import { ADR3, ADR5, HELPDESK, facts, model, range } from './fixture';

describe('rules', () => {
  describe('module-dependency', () => {
    it('flags an import into a module the importer may not use, naming both modules and the decision', () => {
      const ctx = createRuleContext(model(HELPDESK, { undeclared: 'deny' }));
      const { findings } = evaluateFile(ctx, facts('src/ticket/service.ts', [{ specifier: '../knowledgebase', to: 'src/knowledgebase/index.ts' }]));
      assert.equal(findings.length, 1);
      const f = findings[0];
      assert.equal(f.rule, 'module-dependency');
      assert.equal(f.severity, 'error');
      assert.equal(
        f.message,
        'module "ticket" may not use module "knowledgebase": no accepted decision allows it (ADR-0003 "Split the help desk into five domain modules")',
      );
      assert.deepEqual(f.decision, ADR3);
      assert.equal(f.fromModule, 'ticket');
      assert.equal(f.toModule, 'knowledgebase');
      assert.equal(f.specifier, '../knowledgebase');
      assert.equal(f.target, 'src/knowledgebase/index.ts');
      assert.deepEqual(f.range, range(0, 20, 18));
      assert.ok(f.fixes?.includes('propose a decision that lets ticket use knowledgebase'));
    });

    it('lets through imports a decision allows and imports inside the module', () => {
      const ctx = createRuleContext(model(HELPDESK, { undeclared: 'deny' }));
      const { findings, moduleImports } = evaluateFile(
        ctx,
        facts('src/ticket/service.ts', [
          { specifier: '../user/api', to: 'src/user/api.ts' },
          { specifier: './repo', to: 'src/ticket/repo.ts' },
          { specifier: 'react', to: { kind: 'external', packageName: 'react' } },
          { specifier: './gone', to: { kind: 'unresolved' } },
        ]),
      );
      assert.deepEqual(findings, []);
      assert.deepEqual(
        moduleImports.map((m) => [m.fromModule, m.toModule, m.allowed]),
        [['ticket', 'user', true]],
      );
    });

    it('follows the undeclared policy: warn is a warning, allow is nothing, absent is deny', () => {
      const file = facts('src/ticket/a.ts', [{ specifier: '../knowledgebase', to: 'src/knowledgebase/index.ts' }]);
      assert.equal(evaluateFile(createRuleContext(model(HELPDESK, { undeclared: 'warn' })), file).findings[0].severity, 'warning');
      assert.deepEqual(evaluateFile(createRuleContext(model(HELPDESK, { undeclared: 'allow' })), file).findings, []);
      const absent = evaluateFile(createRuleContext(model(HELPDESK)), file).findings;
      assert.equal(absent[0].severity, 'error');
      assert.deepEqual(absent[0].decision, ADR3, 'without an undeclared policy, the decision that declared the module');
    });

    it('takes a configured severity over the default', () => {
      const ctx = createRuleContext(model(HELPDESK, { undeclared: 'deny' }), { severities: { 'module-dependency': 'info' } });
      const file = facts('src/ticket/a.ts', [{ specifier: '../knowledgebase', to: 'src/knowledgebase/index.ts' }]);
      assert.equal(evaluateFile(ctx, file).findings[0].severity, 'info');
      const off = createRuleContext(model(HELPDESK), { severities: { 'module-dependency': 'off' } });
      assert.deepEqual(evaluateFile(off, file).findings, []);
    });

    it('ignores type-only imports when the model says type_only: ignore, and counts them otherwise', () => {
      const file = facts('src/ticket/a.ts', [{ specifier: '../knowledgebase', to: 'src/knowledgebase/index.ts', typeOnly: true }]);
      assert.deepEqual(evaluateFile(createRuleContext(model(HELPDESK, { typeOnly: 'ignore' })), file).findings, []);
      assert.equal(evaluateFile(createRuleContext(model(HELPDESK, { typeOnly: 'count' })), file).findings.length, 1);
      assert.equal(evaluateFile(createRuleContext(model(HELPDESK)), file).findings.length, 1);
    });

    it('does not judge files in no module', () => {
      const ctx = createRuleContext(model(HELPDESK));
      assert.deepEqual(evaluateFile(ctx, facts('scripts/seed.ts', [{ specifier: '../src/ticket/repo', to: 'src/ticket/repo.ts' }])).findings, []);
    });
  });

  describe('private-import', () => {
    it('flags an allowed import of a file that is not a public entry, and offers the public entry', () => {
      const ctx = createRuleContext(model({ ...HELPDESK, user: { ...HELPDESK.user, uses: ['tenant', 'ticket'] } }));
      const { findings } = evaluateFile(ctx, facts('src/user/a.ts', [{ specifier: '../ticket/repo', to: 'src/ticket/repo.ts' }]));
      assert.equal(findings.length, 1);
      assert.equal(findings[0].rule, 'private-import');
      assert.match(findings[0].message, /^module "user" imports "src\/ticket\/repo.ts", which is private to module "ticket"/);
      assert.match(findings[0].message, /ADR-0003/);
      assert.equal(findings[0].fixes?.[0], "import from ticket's public entry src/ticket/index.ts");
    });

    it('accepts the public entry, modules without `public`, and imports inside the module', () => {
      const ctx = createRuleContext(model({ ...HELPDESK, user: { ...HELPDESK.user, uses: ['tenant', 'ticket'] } }));
      const { findings } = evaluateFile(
        ctx,
        facts('src/user/a.ts', [
          { specifier: '../ticket', to: 'src/ticket/index.ts' },
          { specifier: '../tenant/db', to: 'src/tenant/db.ts' },
          { specifier: './b', to: 'src/user/b.ts' },
        ]),
      );
      assert.deepEqual(findings, []);
    });

    it('is not reported on top of a module-dependency finding for the same import', () => {
      const ctx = createRuleContext(model(HELPDESK));
      const { findings } = evaluateFile(ctx, facts('src/ticket/a.ts', [{ specifier: '../knowledgebase/search', to: 'src/knowledgebase/search.ts' }]));
      assert.deepEqual(findings.map((f) => f.rule), ['module-dependency']);
    });
  });

  describe('forbidden-package', () => {
    const packages = [
      { name: 'bcrypt', reason: 'auth is external OAuth only' },
      { name: '@aws-sdk' },
      { name: 'lodash*' },
      { name: 'sqlalchemy' },
      { name: 'child_process' },
    ];
    const cases: [string, boolean][] = [
      ['bcrypt', true],
      ['bcryptjs', false],
      ['@aws-sdk/client-s3', true],
      ['@aws-sdkx/a', false],
      ['lodash.merge', true],
      ['sqlalchemy', true],
      ['node:child_process', true],
      ['react', false],
    ];
    for (const [name, hit] of cases) {
      it(`${hit ? 'flags' : 'allows'} ${name}`, () => {
        const ctx = createRuleContext(model(HELPDESK, { packages }));
        const to = name.startsWith('node:') ? { kind: 'builtin' as const, name } : { kind: 'external' as const, packageName: name };
        const { findings } = evaluateFile(ctx, facts('src/user/a.ts', [{ specifier: name, to }]));
        assert.equal(findings.length, hit ? 1 : 0);
      });
    }

    it('names the package, the module, the decision and its reason', () => {
      const ctx = createRuleContext(model(HELPDESK, { packages }));
      const { findings } = evaluateFile(ctx, facts('src/user/auth.ts', [{ specifier: 'bcrypt', to: { kind: 'external', packageName: 'bcrypt' } }]));
      assert.equal(findings[0].package, 'bcrypt');
      assert.equal(
        findings[0].message,
        '"src/user/auth.ts" (module "user") imports package "bcrypt", which ADR-0005 "Use external OAuth for auth" rules out: auth is external OAuth only',
      );
      assert.deepEqual(findings[0].decision, ADR5);
    });
  });

  describe('forbidden-import', () => {
    it('flags an import from a file matching `from` of a file matching `to`', () => {
      const ctx = createRuleContext(
        model({ web: { paths: ['web/**'], uses: ['api'] }, api: { paths: ['api/**'] } }, { imports: [{ from: 'web/**', to: 'api/src/**', reason: 'web talks HTTP only' }] }),
      );
      const { findings } = evaluateFile(
        ctx,
        facts('web/app/page.tsx', [
          { specifier: '../../api/src/db', to: 'api/src/db.ts' },
          { specifier: '../../api/types', to: 'api/types.ts' },
        ]),
      );
      assert.deepEqual(findings.map((f) => [f.rule, f.specifier]), [['forbidden-import', '../../api/src/db']]);
      assert.match(findings[0].message, /"web\/app\/page.tsx" \(module "web"\) may not import "api\/src\/db.ts" \(module "api"\)/);
      assert.match(findings[0].message, /web talks HTTP only$/);
    });
  });

  describe('data-ownership', () => {
    it('flags SQL, Prisma delegates and ORM models of data another module owns', () => {
      const ctx = createRuleContext(model(HELPDESK), { dataModels: [{ model: 'KnowledgeArticle', table: 'kb_articles' }] });
      const { findings } = evaluateFile(
        ctx,
        facts('src/ticket/a.ts', [], [
          { kind: 'sql', name: 'kb_articles', range: range(3, 10, 11) },
          { kind: 'prisma', name: 'knowledgeArticle', range: range(4, 10, 16) },
          { kind: 'orm', name: 'Ticket', range: range(5, 10, 6) },
          { kind: 'prisma', name: 'user', range: range(6, 10, 4) },
          { kind: 'sql', name: 'audit_log', range: range(7, 10, 9) },
        ]),
      );
      assert.deepEqual(
        findings.map((f) => [f.rule, f.toModule, f.range.start.line]),
        [
          ['data-ownership', 'knowledgebase', 3],
          ['data-ownership', 'knowledgebase', 4],
          ['data-ownership', 'user', 6],
        ],
      );
      assert.match(findings[0].message, /^module "ticket" uses table "kb_articles", which module "knowledgebase" owns/);
      assert.match(findings[1].message, /Prisma model "knowledgeArticle" \("kb_articles"\)/);
    });
  });

  describe('unassigned-file', () => {
    it('is off by default and reports files in no module when turned on', () => {
      const file = facts('scripts/seed.ts', []);
      assert.deepEqual(evaluateFile(createRuleContext(model(HELPDESK)), file).findings, []);
      const on = createRuleContext(model(HELPDESK), { severities: { 'unassigned-file': 'warning' } });
      assert.deepEqual(evaluateFile(on, file).findings.map((f) => [f.rule, f.severity]), [['unassigned-file', 'warning']]);
      assert.deepEqual(evaluateFile(on, facts('src/user/a.ts', [])).findings, []);
    });
  });

  describe('file → module', () => {
    it('gives a file to the module with the most specific glob', () => {
      const ctx = createRuleContext(
        model({ app: { paths: ['src/**'] }, shared: { paths: ['src/shared/**'] }, docs: { paths: ['docs'] }, entry: { paths: ['src/main.py'] } }),
      );
      assert.equal(ctx.modules.moduleOf('src/main.py'), 'entry', 'a file named exactly');
      assert.equal(ctx.modules.moduleOf('src/a.ts'), 'app');
      assert.equal(ctx.modules.moduleOf('src/shared/x/y.ts'), 'shared');
      assert.equal(ctx.modules.moduleOf('docs/a.md'), 'docs');
      assert.equal(ctx.modules.moduleOf('lib/a.ts'), undefined);
    });
  });
});
