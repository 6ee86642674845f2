// Models of a Prisma schema with the table each maps to, so the data-ownership rule can
// tie `prisma.ticket.update(…)` and `UPDATE tickets …` to the module owning `Ticket`.

import type { Range } from '../../findings';

export interface PrismaModel {
  /** The model name as declared: `Ticket`. */
  name: string;
  /** The database table: the `@@map("…")` argument, else the model name. */
  table: string;
  /** The client delegate: `prisma.ticket`. */
  delegate: string;
  /** Range of the model name in the schema file. */
  range: Range;
}

/** `Ticket` → `ticket`, `HTTPLog` → `hTTPLog` (the Prisma client lowercases only the first letter). */
export function prismaDelegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

const MODEL_HEAD = /^[ \t]*(model|view)[ \t]+([A-Za-z_]\w*)[ \t]*\{/;
const TABLE_MAP = /^[ \t]*@@map\(\s*(?:name\s*:\s*)?"([^"]*)"/;

export function parsePrismaSchema(text: string): PrismaModel[] {
  const models: PrismaModel[] = [];
  const lines = text.split(/\r?\n/);
  let current: PrismaModel | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = stripComment(lines[i]);
    if (current === undefined) {
      const head = MODEL_HEAD.exec(line);
      if (head) {
        const column = line.indexOf(head[2], line.indexOf(head[1]) + head[1].length);
        current = {
          name: head[2],
          table: head[2],
          delegate: prismaDelegateName(head[2]),
          range: { start: { line: i, column }, end: { line: i, column: column + head[2].length } },
        };
        models.push(current);
        if (/\}\s*$/.test(line.slice(line.indexOf('{') + 1))) current = undefined;
      }
      continue;
    }
    const map = TABLE_MAP.exec(line);
    if (map) current.table = map[1];
    if (/^\s*\}/.test(line)) current = undefined;
  }
  return models;
}

function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && line[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}
