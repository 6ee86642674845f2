import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { Finding } from '../../../src/core/findings';
import { renderReport, reportChunks, type ReportInput } from '../../../src/core/report';
import type { JsonFinding } from '../../../src/core/report/json';
import { githubAnnotation } from '../../../src/core/report/github';
import { sarifLog } from '../../../src/core/report/sarif';
import { ADR3, range } from '../engine/rules/fixture';

const dependency: Finding = {
  rule: 'module-dependency',
  severity: 'error',
  file: 'src/ticket/service.ts',
  range: range(2, 23, 26),
  message: 'module "ticket" may not use module "knowledgebase": no accepted decision allows it (ADR-0003 "Split the help desk into five domain modules")',
  decision: ADR3,
  fromModule: 'ticket',
  toModule: 'knowledgebase',
  specifier: '../knowledgebase/search',
  fixes: ['propose a decision that lets ticket use knowledgebase'],
};
const schemaProblem: Finding = {
  rule: 'decision-schema',
  severity: 'warning',
  file: 'docs/adr/0004-x.yaml',
  range: range(3, 8, 5),
  message: 'status must be one of proposed, accepted, rejected, deprecated, superseded (found "maybe")',
};
const skipped: Finding = { rule: 'skipped-file', severity: 'info', file: 'web/dist/app.min.js', range: range(0, 0, 0), message: 'minified, 100%, a: b' };

function input(findings: Finding[]): ReportInput {
  return { findings, files: 42, skipped: [{ file: 'web/dist/app.min.js', reason: 'minified' }], durationMs: 1234, toolVersion: '0.1.0' };
}

describe('reports', () => {
  describe('sarif', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, '../../../../test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
    ajv.addFormat('uri-reference', /^\S*$/);
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/);
    const validate = ajv.compile(schema);

    it('is valid against the official SARIF 2.1.0 schema', () => {
      const log = JSON.parse(renderReport('sarif', input([dependency, schemaProblem, skipped]), { root: '/home/me/help desk' })) as unknown;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    });

    it('the schema check catches a broken log (the validation is real)', () => {
      const log = sarifLog(input([dependency])) as { runs: { results: { level: string }[] }[] };
      log.runs[0].results[0].level = 'fatal';
      assert.equal(validate(log), false);
    });

    it('describes every rule and puts the decision in each result, also as a related location', () => {
      const log = sarifLog(input([dependency]), { root: '/ws' }) as {
        runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[]; originalUriBaseIds: unknown }[];
      };
      const run = log.runs[0];
      assert.ok(run.tool.driver.rules.some((r) => r.id === 'module-dependency'));
      const r = run.results[0] as {
        ruleId: string;
        ruleIndex: number;
        level: string;
        locations: { physicalLocation: { region: Record<string, number> } }[];
        relatedLocations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        properties: { decision: { id: number; title: string } };
      };
      assert.equal(r.ruleId, 'module-dependency');
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, 'module-dependency');
      assert.equal(r.level, 'error');
      assert.deepEqual(r.locations[0].physicalLocation.region, { startLine: 3, startColumn: 24, endLine: 3, endColumn: 50 });
      assert.equal(r.properties.decision.id, 3);
      assert.equal(r.relatedLocations[0].physicalLocation.artifactLocation.uri, 'docs/adr/0003-split-the-help-desk-into-five-domain-modules.yaml');
      assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: 'file:///ws/' } });
    });
  });

  describe('github', () => {
    it('writes one workflow command per finding, 1-based, with properties escaped', () => {
      assert.equal(
        githubAnnotation(dependency),
        '::error file=src/ticket/service.ts,line=3,col=24,endLine=3,endColumn=50,title=adrift module-dependency::' +
          dependency.message +
          '%0AFix: propose a decision that lets ticket use knowledgebase',
      );
      assert.equal(githubAnnotation(skipped), '::notice file=web/dist/app.min.js,line=1,col=1,endLine=1,endColumn=1,title=adrift skipped-file::minified, 100%25, a: b');
      assert.match(githubAnnotation(schemaProblem), /^::warning /);
    });
  });

  describe('text', () => {
    it('groups findings by module pair, prints file:line:col rule message and the fixes, then a summary', () => {
      const out = renderReport('text', input([schemaProblem, dependency]));
      assert.equal(
        out,
        [
          'ticket → knowledgebase (1 error)',
          `  src/ticket/service.ts:3:24 module-dependency ${dependency.message}`,
          '      fix: propose a decision that lets ticket use knowledgebase',
          '',
          'other findings (1 warning)',
          `  docs/adr/0004-x.yaml:4:9 decision-schema ${schemaProblem.message}`,
          '',
          '1 error, 1 warning, 0 notes in 42 files (1.23 s); 1 file skipped',
          '',
        ].join('\n'),
      );
    });

    it('colours only when asked', () => {
      assert.doesNotMatch(renderReport('text', input([dependency])), /\u001b\[/);
      assert.match(renderReport('text', input([dependency]), { color: true }), /\u001b\[31m/);
    });

    it('says so when there is nothing to report', () => {
      assert.equal(renderReport('text', { ...input([]), skipped: [] }), 'no findings in 42 files (1.23 s)\n');
    });

    it('says how many local imports it could not resolve, since no rule sees past them, and names the first few with their place', () => {
      const at = (file: string, specifier: string, line: number) => ({ file, specifier, line, column: 20 });
      const two = [at('src/a.ts', './nope', 3), at('src/b.ts', '@acme/core/lib/gone', 12)];
      assert.equal(
        renderReport('text', { ...input([]), skipped: [], unresolved: two }),
        [
          'local imports not resolved, so not checked (2)',
          '  src/a.ts:3:20 "./nope"',
          '  src/b.ts:12:20 "@acme/core/lib/gone"',
          '',
          'no findings in 42 files (1.23 s); 2 local imports not resolved, so not checked',
          '',
        ].join('\n'),
      );
      const many = Array.from({ length: 8 }, (_, i) => at(`src/f${i}.ts`, `@acme/x/dist/m${i}`, i + 1));
      const text = renderReport('text', { ...input([]), skipped: [], unresolved: many });
      assert.match(text, /^ {2}src\/f4.ts:5:20 "@acme\/x\/dist\/m4"\n {2}… and 3 more \(--format json lists them all\)$/m);
      assert.doesNotMatch(text, /src\/f5.ts/);
    });
  });

  describe('json', () => {
    it('gives the findings as data with a summary, 1-based like ESLint, with the import\'s target file', () => {
      const data = JSON.parse(renderReport('json', input([{ ...dependency, target: 'src/knowledgebase/search.ts' }, schemaProblem]))) as { summary: Record<string, number>; findings: JsonFinding[] };
      assert.deepEqual(data.summary, { error: 1, warning: 1, info: 0, files: 42, skipped: 1, unresolved: 0, durationMs: 1234 });
      assert.deepEqual(data.findings[0], {
        rule: 'module-dependency',
        severity: 'error',
        file: 'src/ticket/service.ts',
        // range(2, 23, 26): 0-based line 2, columns 23 to 49.
        line: 3,
        column: 24,
        endLine: 3,
        endColumn: 50,
        message: dependency.message,
        decision: { id: 3, title: ADR3.title, status: 'accepted', file: ADR3.file, line: ADR3.line + 1 },
        fromModule: 'ticket',
        toModule: 'knowledgebase',
        specifier: '../knowledgebase/search',
        target: 'src/knowledgebase/search.ts',
        fixes: dependency.fixes,
      });
      assert.deepEqual(data.findings[1], { rule: 'decision-schema', severity: 'warning', file: 'docs/adr/0004-x.yaml', line: 4, column: 9, endLine: 4, endColumn: 14, message: schemaProblem.message });
    });

    it('names the package of a package import', () => {
      const pkg: Finding = { ...dependency, rule: 'forbidden-package', toModule: undefined, specifier: 'lodash/fp', package: 'lodash' };
      const data = JSON.parse(renderReport('json', input([pkg]))) as { findings: JsonFinding[] };
      assert.equal(data.findings[0].package, 'lodash');
      assert.equal(data.findings[0].target, undefined);
    });
  });

  describe('written in pieces, the same text as one JSON.stringify (issue 17 item 11)', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...dependency, file: `src/ticket/f${i}.ts`, target: 'src/knowledgebase/search.ts' }));
    const full = { ...input([...many, schemaProblem, skipped]), unresolved: [{ file: 'src/a.ts', specifier: './nope', line: 1, column: 8 }], baseline: { file: 'b.yaml', suppressed: 1, expired: 0, unused: 2 } };

    for (const data of [full, { ...input([]), skipped: [] }]) {
      it(`json with ${data.findings.length} findings`, () => {
        const chunks = [...reportChunks('json', data)];
        assert.ok(data.findings.length === 0 || chunks.length > data.findings.length);
        const text = chunks.join('');
        assert.equal(text, JSON.stringify(JSON.parse(text), null, 2) + '\n');
      });

      it(`sarif with ${data.findings.length} findings`, () => {
        const text = [...reportChunks('sarif', data, { root: '/ws' })].join('');
        assert.equal(text, JSON.stringify(sarifLog(data, { root: '/ws' }), null, 2) + '\n');
      });
    }
  });
});
