// What TypeScript's own parser says a file imports, to check the extractor against: the
// differential tool (test/fixtures/engine/tools/ts-differential.ts) runs it over real
// repositories, and the unit tests over the excerpts that once broke the lexer.

import * as ts from 'typescript';
import { extractFile } from '../../../../src/core/engine/extract';
import { allowsJsx } from '../../../../src/core/engine/languages/typescript/extract';
import { TsLexer, T_EOF, T_REGEX, T_STRING, T_TEMPLATE, T_TEMPLATE_PART } from '../../../../src/core/engine/languages/typescript/lexer';

function scriptKind(path: string): ts.ScriptKind {
  if (/\.tsx$/.test(path)) return ts.ScriptKind.TSX;
  if (/\.[mc]?ts$/.test(path)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(path)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

function literal(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** `specifier` or `specifier type` for every import TypeScript's parser sees, sorted. */
export function referenceImports(path: string, text: string): string[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
  const out: string[] = [];
  const push = (spec: string | undefined, typeOnly: boolean): void => {
    if (spec !== undefined) out.push(typeOnly ? `${spec} type` : spec);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      let typeOnly = !!clause?.isTypeOnly;
      const named = clause?.namedBindings;
      if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) typeOnly = true;
      push(literal(node.moduleSpecifier), typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      let typeOnly = node.isTypeOnly;
      const clause = node.exportClause;
      if (clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)) typeOnly = true;
      push(literal(node.moduleSpecifier), typeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      push(literal(node.moduleReference.expression), node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if ((isImport || isRequire) && node.arguments.length >= 1) push(literal(node.arguments[0]), false);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) push(literal(arg.literal), true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out.sort();
}

/** Offsets of string/template/regex literals in code (not JSX attribute values). */
function referenceLiterals(sf: ts.SourceFile): number[] {
  const out: number[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && !ts.isJsxAttribute(node.parent)) out.push(node.getStart(sf));
    else if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isRegularExpressionLiteral(node)) out.push(node.getStart(sf));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out.sort((a, b) => a - b);
}

function lexedLiterals(path: string, text: string): number[] {
  const lx = new TsLexer(text, allowsJsx(path), false, false);
  const out: number[] = [];
  for (let t = lx.next(); t !== T_EOF; t = lx.next()) {
    if (t === T_STRING || t === T_TEMPLATE || t === T_REGEX || (t === T_TEMPLATE_PART && text.charCodeAt(lx.start) === 96)) out.push(lx.start);
  }
  return out;
}

/** Where the two literal lists first part, as line:column, or undefined if they agree. */
export function literalMismatch(path: string, text: string): string | undefined {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(path));
  if ((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length > 0) return 'unparsed';
  const want = referenceLiterals(sf);
  const got = lexedLiterals(path, text);
  let i = 0;
  while (i < want.length && i < got.length && want[i] === got[i]) i++;
  if (i === want.length && i === got.length) return undefined;
  const at = Math.min(want[i] ?? text.length, got[i] ?? text.length);
  const lc = sf.getLineAndCharacterOfPosition(at);
  return `${lc.line + 1}:${lc.character + 1} ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`;
}

export function adriftImports(path: string, text: string): string[] | undefined {
  const result = extractFile(path, text);
  if ('skipped' in result) return undefined;
  return result.imports.map((i) => (i.typeOnly ? `${i.specifier} type` : i.specifier)).sort();
}

