// The parts of go.mod and go.work that resolution needs: the module path, `require`d
// module paths (to name a third-party package by its module), `replace` directives and
// go.work's `use` directives. Lines, `//` comments, quoted or bare tokens, and the block
// form `directive ( … )`, as Go's own modfile grammar has them. Anything it cannot read is
// a problem with its line and column; the rest of the file still counts.

export interface Replace {
  /** The module path replaced (without a version). */
  from: string;
  /** The replacement as written: a local folder (`./x`, `../x`, `/abs`) or a module path. */
  to: string;
  /** Whether `to` is a local folder. */
  local: boolean;
  line: number;
  column: number;
  /** Characters of `to` as written (quotes included). */
  width: number;
}

export interface ModFile {
  module?: string;
  requires: string[];
  replaces: Replace[];
  /** go.work: the folders of its `use` directives, as written. */
  uses: { path: string; line: number; column: number; width: number }[];
  /** What could not be read, at its 1-based line and column (as Go's tools print them). */
  problems: ModProblem[];
}

export interface ModProblem {
  line: number;
  column: number;
  /** Characters from the column that are wrong: the directive up to its comment. */
  length: number;
  message: string;
}

interface Token {
  text: string;
  column: number;
  /** Characters as written (a quoted token's quotes included). */
  width: number;
}

/** One line's tokens: bare words, or "quoted" / `raw` strings (their value); or where a string is not closed. */
function tokens(line: string): Token[] | { unterminated: number } {
  const out: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && line[i + 1] === '/') break;
    if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < line.length && line[j] !== c) j += line[j] === '\\' && c === '"' ? 2 : 1;
      if (j >= line.length) return { unterminated: i + 1 };
      out.push({ text: line.slice(i + 1, j), column: i + 1, width: j + 1 - i });
      i = j + 1;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ text: c, column: i + 1, width: 1 });
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && !/[\s()"`]/.test(line[j]) && !(line[j] === '/' && line[j + 1] === '/')) j++;
    out.push({ text: line.slice(i, j), column: i + 1, width: j - i });
    i = j;
  }
  return out;
}

const SKIPPED = ': Adrift skips this line and reads the rest of the file';

/** Whether a replacement names a folder rather than a module (Go's own test). */
export function isLocalPath(p: string): boolean {
  return p.startsWith('./') || p.startsWith('../') || p === '.' || p === '..' || p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);
}

export function parseModFile(text: string): ModFile {
  const mod: ModFile = { requires: [], replaces: [], uses: [], problems: [] };
  const lines = text.split('\n');
  let block: string | undefined;
  let blockAt = { line: 0, column: 0, length: 0 };
  // From the column to the end of the line's tokens (a trailing comment left out).
  const problem = (line: number, column: number, message: string, length?: number): void => {
    const toks = tokens(lines[line - 1]);
    const last = Array.isArray(toks) ? toks[toks.length - 1] : undefined;
    mod.problems.push({ line, column, length: length ?? (last ? Math.max(1, last.column + last.width - column) : 1), message });
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const toks = tokens(raw);
    if (!Array.isArray(toks)) {
      problem(line, toks.unterminated, `unterminated string${SKIPPED}`, raw.trimEnd().length + 1 - toks.unterminated);
      return;
    }
    if (toks.length === 0) return;
    let verb: string;
    let args: Token[];
    if (block !== undefined) {
      if (toks[0].text === ')') {
        block = undefined;
        return;
      }
      verb = block;
      args = toks;
    } else {
      verb = toks[0].text;
      args = toks.slice(1);
      if (args.length === 1 && args[0].text === '(') {
        block = verb;
        blockAt = { line, column: toks[0].column, length: toks[0].width };
        return;
      }
    }
    const at = args[0]?.column ?? toks[0].column;
    switch (verb) {
      case 'module':
        if (args.length !== 1) problem(line, at, `module needs one module path${SKIPPED}`);
        else mod.module = args[0].text;
        break;
      case 'require':
        if (args.length < 2) problem(line, at, `require needs a module path and a version${SKIPPED}`);
        else mod.requires.push(args[0].text);
        break;
      case 'use':
        if (args.length !== 1) problem(line, at, `use needs one folder${SKIPPED}`);
        else mod.uses.push({ path: args[0].text, line, column: args[0].column, width: args[0].width });
        break;
      case 'replace': {
        const arrow = args.findIndex((a) => a.text === '=>');
        if (arrow < 1 || arrow > 2 || args.length - arrow - 1 < 1 || args.length - arrow - 1 > 2) {
          problem(line, at, `replace must read "module [version] => target [version]"${SKIPPED}`);
          break;
        }
        const to = args[arrow + 1];
        mod.replaces.push({ from: args[0].text, to: to.text, local: isLocalPath(to.text), line, column: to.column, width: to.width });
        break;
      }
      case 'go':
      case 'toolchain':
      case 'exclude':
      case 'retract':
      case 'godebug':
      case 'tool':
      case 'ignore':
        break;
      default:
        problem(line, toks[0].column, `unknown directive "${verb}"${SKIPPED}`);
    }
  });
  if (block !== undefined) problem(blockAt.line, blockAt.column, `"${block} (" is never closed: Adrift reads every line after it as one of its entries`, blockAt.length);
  return mod;
}
