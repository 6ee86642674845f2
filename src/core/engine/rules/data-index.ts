// Who owns which data. Modules declare `owns: [tickets, ...]` with table, model or collection
// names; code names the same data in other ways (a Prisma delegate `prisma.ticket`, a model
// class `Ticket`, an @@map'ed table `tickets`), so names are compared loosely and an ORM
// model's names all lead to one owner.

import type { DecisionRef } from '../../findings';
import type { ArchitectureModel } from '../../model/types';

/** One ORM model under all the names code may use for it. */
export interface DataModelAlias {
  /** The model name, e.g. `KnowledgeArticle`. */
  model: string;
  /** The table or collection it maps to (Prisma @@map, SQLAlchemy __tablename__), if different. */
  table?: string;
}

export interface DataOwner {
  module: string;
  /** The name as the module's `owns` lists it. */
  owned: string;
  decision: DecisionRef;
}

/** Lower case, letters and digits only: `Knowledge_Article` and `knowledgeArticle` agree. */
export function normaliseDataName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The singular and plural spellings a table and its model commonly take. */
export function dataNameVariants(key: string): string[] {
  const out = [key];
  if (key.endsWith('ies')) out.push(key.slice(0, -3) + 'y');
  else if (key.endsWith('ses') || key.endsWith('xes')) out.push(key.slice(0, -2));
  else if (key.endsWith('s')) out.push(key.slice(0, -1));
  if (key.endsWith('y')) out.push(key.slice(0, -1) + 'ies');
  else if (key.endsWith('s') || key.endsWith('x')) out.push(key + 'es');
  else out.push(key + 's');
  return out;
}

export class DataOwnership {
  private readonly owners = new Map<string, DataOwner>();

  constructor(model: ArchitectureModel, aliases: DataModelAlias[]) {
    for (const m of model.modules.values()) {
      for (const owned of m.owns) {
        const owner: DataOwner = { module: m.name, owned: owned.value, decision: owned.decision };
        for (const v of dataNameVariants(normaliseDataName(owned.value))) if (!this.owners.has(v)) this.owners.set(v, owner);
      }
    }
    // An owned table makes its model's other names owned too, and the other way round.
    for (const alias of aliases) {
      const names = [alias.model, alias.table].filter((n): n is string => !!n).map(normaliseDataName);
      const owner = names.map((n) => this.owners.get(n)).find((o) => o !== undefined);
      if (!owner) continue;
      for (const n of names) for (const v of dataNameVariants(n)) if (!this.owners.has(v)) this.owners.set(v, owner);
    }
  }

  ownerOf(name: string): DataOwner | undefined {
    return this.owners.get(normaliseDataName(name));
  }
}
