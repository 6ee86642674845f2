// The split step: the parts the product is built as (web app, server, agent installed by
// customers ...), what each may use, and the record they become. Its rules are
// `imports.forbid` globs between the parts' folders, not module declarations: a part such as
// the server contains domain modules, and one file cannot belong to both module "server"
// and module "ticket"; a forbidden import says exactly "no file under agent/ imports a file
// under server/", whichever module either file is in.
//
// Whether a part may import another depends on what they are. Code is shared only through a
// shared library the part lists. Server-side parts (server, public API, worker) may import
// each other where listed: a worker runs the server's domain code. A client (web app, mobile
// app, extension, agent, CLI) never imports another part's code except a shared library:
// listing the server means it calls the server's API. A shared library imports no app part.

import type { ForbiddenImport, DecisionRecord } from '../records/types';
import type { GuideAnswers, TableRow } from './types';
import type { GuideProblem } from './records';
import { cell, cellList, rows, text } from './answers';
import { answerGlob, globBase } from '../model/globs';

type Role = 'client' | 'server' | 'shared';

export interface PartKind {
  id: string;
  label: string;
  /** The kind as a noun in a sentence: the agent "Runner agent". */
  noun: string;
  /** The kind with its article: "Runner agent, an agent installed by customers". */
  a: string;
  role: Role;
  /** For clients: where its code ends up, which is why it may not import server code. */
  ships?: string;
  /** Why the boundary of this kind of part matters, for the record's context. */
  context: string;
  /** What importing the other parts freely would cost, for the rejected option. */
  leak?: string;
}

export const PART_KINDS: PartKind[] = [
  {
    id: 'web', label: 'Web app', noun: 'web app', a: 'a web app', role: 'client', ships: 'is bundled for the browser',
    context: 'A web app is bundled for the browser: whatever it imports, every visitor can read.',
    leak: 'server code and its secrets can end up in the browser bundle',
  },
  {
    id: 'mobile', label: 'Mobile app', noun: 'mobile app', a: 'a mobile app', role: 'client', ships: 'ships to phones through the app stores',
    context: 'Mobile releases go through app-store review and old versions stay installed for months, so the app depends on a versioned API only.',
    leak: 'the mobile app couples to server internals that change faster than app-store releases',
  },
  {
    id: 'public-api', label: 'Public API', noun: 'public API', a: 'a public API', role: 'server',
    context: "A public API is a contract with customers' code: it changes by versions, not by refactoring.",
  },
  { id: 'server', label: 'Server', noun: 'server', a: 'a server', role: 'server', context: 'The server holds the domain modules, the database and the secrets.' },
  { id: 'worker', label: 'Worker', noun: 'worker', a: 'a worker', role: 'server', context: 'A worker runs long jobs off the request path, taken from a queue.' },
  {
    id: 'agent', label: 'Agent installed by customers', noun: 'agent', a: 'an agent installed by customers', role: 'client', ships: "is installed on customers' machines",
    context: "An agent runs on customers' machines: whatever it imports ships to them, and installed agents are upgraded on the customers' schedule, not ours.",
    leak: "server code and its secrets ship to customers' machines with the agent",
  },
  {
    id: 'cli', label: 'CLI installed by users', noun: 'CLI', a: 'a CLI installed by users', role: 'client', ships: "is installed on users' machines",
    context: "A CLI runs on users' machines and has to keep working against newer servers.",
    leak: "server code ships to users' machines with the CLI",
  },
  {
    id: 'extension', label: 'Browser extension', noun: 'browser extension', a: 'a browser extension', role: 'client', ships: "is installed in users' browsers",
    context: "A browser extension is installed in users' browsers and updated through the store, on its own schedule.",
    leak: "the extension bundles server code into users' browsers",
  },
  { id: 'shared', label: 'Shared library', noun: 'shared library', a: 'a shared library', role: 'shared', context: 'A shared library is the only code that more than one part imports.' },
];

const KIND = new Map(PART_KINDS.map((k) => [k.id, k]));

/** The side ids of the old frontend/backend/mobile/shared step, and the kind each became. */
const OLD_SIDES: Record<string, string> = { frontend: 'web', backend: 'server', mobile: 'mobile', shared: 'shared' };

function isOldRow(row: TableRow): boolean {
  return typeof row.side === 'string' && row.kind === undefined;
}

/**
 * Parts rows saved by the old split step ({ side, technology, folders }) as parts with a
 * name, a kind and the parts they may use. What the old step allowed stays allowed: parts
 * of one side may import each other, every part may import a shared one, and frontends and
 * mobile apps call the backends. Returns the same object when there is nothing to upgrade.
 */
export function upgradeAnswers(answers: GuideAnswers): GuideAnswers {
  const table = rows(answers, 'parts');
  if (!table.some(isOldRow)) return answers;
  const taken = new Set(table.filter((r) => !isOldRow(r)).map((r) => cell(r, 'name').toLowerCase()).filter((n) => n !== ''));
  const old = table.filter(isOldRow).map((row) => {
    const side = cell(row, 'side');
    const kind = OLD_SIDES[side] ?? 'server';
    const label = KIND.get(kind)?.label ?? 'Part';
    let name = label;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${label} ${n}`;
    taken.add(name.toLowerCase());
    return { row, side, kind, name };
  });
  const calls = (a: (typeof old)[number], b: (typeof old)[number]) =>
    a !== b && (b.side === 'shared' || b.side === a.side || ((a.side === 'frontend' || a.side === 'mobile') && b.side === 'backend'));
  const upgraded = table.map((row): TableRow => {
    const o = old.find((x) => x.row === row);
    if (!o) return row;
    return {
      name: o.name,
      kind: o.kind,
      technology: cell(row, 'technology'),
      folders: cellList(row, 'folders'),
      uses: old.filter((b) => calls(o, b)).map((b) => b.name),
    };
  });
  return { ...answers, parts: upgraded };
}

export interface Part {
  name: string;
  kind: PartKind;
  technology: string;
  /** The part's folders as globs, as the forbidden-import rule reads them. */
  globs: string[];
  /** Names of the parts it may use. */
  uses: string[];
}

function problem(message: string): GuideProblem {
  return { step: 'split', field: 'parts', message };
}

/** The named parts of the answers (old answers upgraded), each once; what is wrong goes to `problems`. */
export function readParts(answers: GuideAnswers, problems: GuideProblem[]): Part[] {
  const parts: Part[] = [];
  const table = rows(upgradeAnswers(answers), 'parts');
  for (const [i, row] of table.entries()) {
    const name = cell(row, 'name');
    const technology = cell(row, 'technology');
    const folders = cellList(row, 'folders');
    if (name === '' && technology === '' && folders.length === 0) continue;
    if (name === '') {
      problems.push(problem(`Part ${i + 1} needs a name.`));
      continue;
    }
    const kind = KIND.get(cell(row, 'kind'));
    if (!kind) {
      problems.push(problem(`Say what kind of part "${name}" is.`));
      continue;
    }
    if (parts.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
      problems.push(problem(`Two parts are named "${name}"; the second one is left out.`));
      continue;
    }
    parts.push({ name, kind, technology, globs: [...new Set(folders.map(answerGlob))], uses: cellList(row, 'uses') });
  }
  // Picks are checkboxes of the other rows' names, so a name that is no part is one a deleted
  // row left behind: the user cannot uncheck it any more, and it allows nothing.
  for (const p of parts) p.uses = [...new Set(p.uses.filter((u) => u !== p.name && parts.some((q) => q.name === u)))];
  return parts;
}

function the(p: Part): string {
  const name = p.name.toLowerCase();
  return name === p.kind.noun.toLowerCase() || name === p.kind.label.toLowerCase() ? `the ${p.kind.noun}` : `the ${p.kind.noun} "${p.name}"`;
}

/** Why `a` may not import `b`, or undefined when the split allows it. */
export function forbiddenBecause(a: Part, b: Part): string | undefined {
  const listed = a.uses.includes(b.name);
  if (b.kind.role === 'shared') return listed ? undefined : `${the(a)} does not use ${the(b)}: the split does not list it`;
  if (a.kind.role === 'shared') return `${the(a)} imports no app part such as ${the(b)}: every part that uses it would import that too`;
  if (a.kind.role === 'client') {
    if (b.kind.role === 'client') return `${the(a)} and ${the(b)} are separate clients: they share code only through a shared library`;
    return listed
      ? `${the(a)} ${a.kind.ships}: it calls ${the(b)} over its API, never by importing its code`
      : `${the(a)} ${a.kind.ships} and does not use ${the(b)}: it never imports its code`;
  }
  if (b.kind.role === 'client') return `${the(a)} never imports client code such as ${the(b)}`;
  return listed ? undefined : `${the(a)} does not use ${the(b)}: the split does not list it`;
}

function overlaps(x: string, y: string): boolean {
  const a = globBase(x).base;
  const b = globBase(y).base;
  return a === '' || b === '' || a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

export interface SplitRules {
  forbid: ForbiddenImport[];
  /** Pairs of parts the split allows to import (server-side parts, shared libraries). */
  allowed: [Part, Part][];
  /** Pairs whose folders contain one another: a rule between them would flag a part's own imports. */
  overlapping: [Part, Part][];
}

/** The forbidden imports between every two parts with folders, each with the reason naming both. */
export function splitRules(parts: Part[]): SplitRules {
  const out: SplitRules = { forbid: [], allowed: [], overlapping: [] };
  const seen = new Set<string>();
  for (const a of parts) {
    for (const b of parts) {
      if (a === b || a.globs.length === 0 || b.globs.length === 0) continue;
      if (a.globs.some((x) => b.globs.some((y) => overlaps(x, y)))) {
        if (parts.indexOf(a) < parts.indexOf(b)) out.overlapping.push([a, b]);
        continue;
      }
      const reason = forbiddenBecause(a, b);
      if (reason === undefined) {
        out.allowed.push([a, b]);
        continue;
      }
      for (const from of a.globs) {
        for (const to of b.globs) {
          const key = `${from}\n${to}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.forbid.push({ from, to, reason });
        }
      }
    }
  }
  return out;
}

type SplitDraft = Omit<DecisionRecord, 'id' | 'status' | 'date' | 'deciders'>;

function names(parts: Part[]): string {
  const n = parts.map((p) => p.name);
  return n.length <= 1 ? n.join('') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

function sentence(s: string): string {
  const t = s.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The split record: the parts, what each may use, and the forbidden imports that check it. */
export function splitDraft(answers: GuideAnswers, problems: GuideProblem[]): SplitDraft | undefined {
  const parts = readParts(answers, problems);
  if (parts.length === 0) {
    problems.push(problem('Add the parts the product is built as (web app, server, agent, ...) to record the split.'));
    return undefined;
  }
  const rules = splitRules(parts);
  for (const [a, b] of rules.overlapping) problems.push(problem(`"${a.name}" and "${b.name}" share folders, so imports between them cannot be checked: give each part its own folders.`));
  if (!parts.some((p) => p.globs.length > 0)) problems.push(problem('No part has folders yet, so nothing about the split can be checked.'));

  const clients = parts.filter((p) => p.kind.role === 'client');
  const servers = parts.filter((p) => p.kind.role === 'server');
  const shared = parts.filter((p) => p.kind.role === 'shared');
  // One part per `; `, "Name: technology": the overview shows each on its own line.
  const chosen = parts.map((p) => `${p.name}: ${p.technology || p.kind.label}`).join('; ');

  const kinds = [...new Set(parts.map((p) => p.kind))];
  const context = [
    sentence(text(answers, 'product')),
    `It is built as ${parts.length} part${parts.length === 1 ? '' : 's'}: ${parts.map((p) => `${p.name}, ${p.kind.a}`).join('; ')}.`,
    ...kinds.map((k) => k.context),
  ].filter((s) => s !== '').join(' ');

  const drivers = [
    ...(clients.length && servers.length ? ['no server code or secrets in code that ships to users'] : []),
    ...(clients.length > 1 ? ['one API for every client'] : []),
    ...(clients.some((c) => c.kind.id !== 'web') ? ['clients released on their own schedule keep working against newer servers'] : []),
  ];

  const leaks = [...new Set(clients.flatMap((c) => (c.kind.leak ? [c.kind.leak] : [])))];
  const options: NonNullable<DecisionRecord['options']> = [
    {
      name: chosen,
      description: 'Each part in its own folders; imports between parts only where the split allows, checked by Adrift.',
      pros: [
        'a wrong import between parts is an error in the editor and in CI, before it ships',
        ...(clients.length && servers.length ? ['every client goes through the same API'] : []),
      ],
      cons: [
        ...(clients.length && servers.length ? ['an API contract between the clients and the server to keep and version'] : []),
        shared.length ? 'a change to a shared library reaches every part that uses it' : 'code two parts need is written twice or generated',
      ],
    },
    {
      name: 'One codebase where any part may import any other',
      pros: ['no contract to keep between parts', 'one refactoring reaches every part'],
      cons: leaks.length ? leaks : ['parts couple to each other\'s internals and can no longer be released apart'],
    },
    {
      name: 'A repository per part',
      pros: ['the separation is physical'],
      cons: ['a change to the API or a shared library needs a release in each repository', 'no one place shows the whole product'],
    },
  ];

  const good: string[] = [];
  for (const a of parts) {
    const barred = parts.filter((b) => rules.forbid.some((f) => a.globs.includes(f.from) && b.globs.includes(f.to)));
    if (barred.length === 0) continue;
    const may = parts.filter((b) => rules.allowed.some(([x, y]) => x === a && y === b));
    good.push(`An import from ${a.name} (${a.globs.join(', ')}) into ${names(barred)} is a forbidden-import error in the editor and in CI${may.length ? `; ${a.name} may import ${names(may)}` : ''}.`);
  }
  const bad: string[] = [];
  for (const s of shared) {
    const users = parts.filter((p) => p.uses.includes(s.name) && p.kind.role !== 'shared');
    const installed = users.filter((u) => u.kind.role === 'client' && u.kind.id !== 'web');
    if (installed.length && users.some((u) => u.kind.role === 'server')) {
      bad.push(`${s.name} is imported by ${names(users)}: installed copies of ${names(installed)} run old versions, so changes to ${s.name} must stay backward compatible.`);
    } else if (users.length > 1) {
      bad.push(`A change to ${s.name} reaches ${names(users)} at once.`);
    }
  }
  const apart = clients.filter((c) => !c.uses.some((u) => shared.some((s) => s.name === u)));
  const called = servers.filter((s) => apart.some((c) => c.uses.includes(s.name)));
  if (apart.length && called.length) bad.push(`${names(apart)} share${apart.length === 1 ? 's' : ''} no code with ${names(called)}: the types of the API are written again on the client or generated from it.`);
  if (clients.length && servers.length) bad.push('Every client feature needs its endpoint in the API first.');
  const neutral: string[] = [];
  for (const [a, b] of rules.allowed) if (b.kind.role !== 'shared') neutral.push(`${a.name} imports ${b.name}'s code, as the split allows; ${b.name} never imports ${a.name}'s.`);
  const unplaced = parts.filter((p) => p.globs.length === 0);
  if (unplaced.length) neutral.push(`${names(unplaced)} ha${unplaced.length === 1 ? 's' : 've'} no folders yet: nothing about ${unplaced.length === 1 ? 'it' : 'them'} is checked until the split lists them.`);
  for (const [a, b] of rules.overlapping) neutral.push(`${a.name} and ${b.name} share folders: imports between them are not checked.`);

  const rationale = text(answers, 'splitRationale');
  const title = `Build the product as ${parts.length} part${parts.length === 1 ? '' : 's'}: ${names(parts)}${
    clients.length && servers.length ? `; clients reach the server${servers.length === 1 ? '' : 's'} only over ${servers.length === 1 ? 'its' : 'their'} API` : ''
  }`;
  return {
    title,
    kind: 'boundaries',
    tags: ['split', ...kinds.map((k) => k.id)],
    context,
    ...(drivers.length ? { drivers } : {}),
    options,
    decision: { chosen, ...(rationale ? { rationale } : {}) },
    consequences: Object.fromEntries(Object.entries({ good, bad, neutral }).filter(([, v]) => v.length > 0)),
    ...(rules.forbid.length ? { enforce: { imports: { forbid: rules.forbid } } } : {}),
  };
}
