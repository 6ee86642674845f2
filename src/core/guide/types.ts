// A question flow is data: steps of fields, each field a kind the webview knows how to draw.
// The webview renders any flow generically; only ./records.ts knows what the answers mean.

/** One choice of a `choice` field, with the trade-offs the guide spells out. */
export interface ChoiceOption {
  id: string;
  label: string;
  pros?: string[];
  cons?: string[];
  /** When this option is the right pick. */
  when?: string;
  /**
   * Packages (npm or PyPI import names) that only this option uses: ruled out when another
   * option is chosen, and confined to the decision's owner module when this one is.
   */
  packages?: string[];
  /** What follows from picking this option: what it gives the team and what it obliges them to. */
  consequences?: { good?: string[]; bad?: string[] };
}

interface FieldBase {
  /** Key of the answer in GuideAnswers. */
  id: string;
  label: string;
  help?: string;
  placeholder?: string;
  required?: boolean;
}

export interface TextField extends FieldBase {
  kind: 'text' | 'textarea';
}

export interface ChoiceField extends FieldBase {
  kind: 'choice';
  options: ChoiceOption[];
}

/** A list of short strings, e.g. folders or table names. */
export interface ListField extends FieldBase {
  kind: 'list';
  /** Where suggestions come from: the workspace's folders, or the names in another answer. */
  suggest?: 'folders';
}

/**
 * A column of a table: plain text, a list, a pick from fixed options, or (`pick-rows`) a
 * pick among the names of the table's other rows, e.g. the parts a part may call.
 */
export interface TableColumn {
  id: string;
  label: string;
  kind: 'text' | 'list' | 'choice' | 'pick-rows';
  options?: { id: string; label: string }[];
  /** For `pick-rows`: the column of the same table that holds each row's name. The cell is the list of picked names. */
  rowsColumn?: string;
  suggest?: 'folders';
  placeholder?: string;
}

/** Repeating rows the user adds and removes (modules, capabilities, stages ...). */
export interface TableField extends FieldBase {
  kind: 'table';
  columns: TableColumn[];
  /** Label of one row, e.g. "module". */
  rowLabel: string;
}

/**
 * One entry per name of another table's rows (e.g. per module): the user picks a list of
 * strings for each, either free text or among the same names.
 */
export interface PerRowField extends FieldBase {
  kind: 'per-row';
  /** The table field whose rows give the keys, and the column holding each row's name. */
  rowsOf: { field: string; column: string };
  /** Free list of strings, or a pick among the other rows' names. */
  values: 'list' | 'pick-rows';
}

/**
 * Modules proposed from the workspace's code (its packages, else its top source folders),
 * each with its folders and file count, which the user keeps, renames, merges into another
 * or drops before adding the kept ones to a table. The answer is the proposals as edited,
 * one row each (./adoption.ts names the columns). Nothing is written until the records are.
 */
export interface DiscoverField extends FieldBase {
  kind: 'discover';
  /** The table the kept proposals are added to, and its name and folders columns. */
  into: { field: string; name: string; folders: string };
}

/**
 * What the code does today between the modules of a table: for every pair, its imports and
 * the files with most of them, cycles marked. Each pair is allowed (an entry of the `allow`
 * per-row field), baselined with a reason and an expiry (a row of this field's answer, written
 * to the baseline file with the records), or left to be reported as drift.
 */
export interface EdgesField extends FieldBase {
  kind: 'edges';
  rowsOf: { field: string; column: string; folders: string };
  /** The per-row pick field that lists what each module may use. */
  allow: string;
}

/**
 * The names of another table's rows (the modules) ordered into layers, top first; a layer may
 * be closed (it uses the layer right below only). The answer is one row per layer:
 * `modules` (the names) and `closed` (`yes` or empty). Names in no layer are in none.
 */
export interface LayersField extends FieldBase {
  kind: 'layers';
  rowsOf: { field: string; column: string };
}

export type GuideField = TextField | ChoiceField | ListField | TableField | PerRowField | DiscoverField | EdgesField | LayersField;

export interface GuideStep {
  id: string;
  title: string;
  /** What the step decides and why it matters, shown above the fields. */
  intro: string;
  /** Codicon name, without the `codicon-` prefix. */
  icon: string;
  fields: GuideField[];
}

export interface GuideFlow {
  id: string;
  title: string;
  steps: GuideStep[];
}

export type TableRow = Record<string, string | string[]>;

/** An answer: text or a choice id; a list; rows of a table; or lists per row name. */
export type AnswerValue = string | string[] | TableRow[] | Record<string, string[]>;

export type GuideAnswers = Record<string, AnswerValue>;

export interface GuideTemplate {
  id: string;
  label: string;
  description: string;
  answers: GuideAnswers;
  /** Examples that fit this template, by `fieldId` or `fieldId.columnId` (src/core/guide/placeholders.ts). */
  placeholders?: Record<string, string>;
}

/**
 * A choice decision: one question whose answer becomes one `technology` record. The spine's
 * tenancy and key decisions and every pack question are one of these, written by ./choices.ts.
 * Its answers: the choice `field`, `${field}Rationale`, and (with `owner`) `${field}Module`.
 */
export interface ChoiceDecision {
  field: string;
  /** The question's short name, e.g. "Job isolation"; the record is titled `${label}: ${option}`. */
  label: string;
  /** The record's `area` (and so its slot: one record in force per area). */
  area: string;
  /** What an architect asks here, shown under the question. */
  question: string;
  /** Why the decision matters for this kind of product: the record's context after the product. */
  context: string;
  /** Choice fields answered earlier that led to this one, quoted in the record's context. */
  after?: string[];
  drivers?: string[];
  options: ChoiceOption[];
  /** The module that alone may import the chosen option's packages (`packages.only_in`). */
  owner?: { label: string; help?: string };
  /**
   * What code cannot show: how the team confirms the decision instead, and how many months
   * until it is reviewed (the record's `review_by`).
   */
  unchecked?: { confirm: string; reviewMonths: number };
}

/** A step of a pack: its questions become choice fields, in order. */
export interface PackStep {
  id: string;
  title: string;
  intro: string;
  icon: string;
  decisions: ChoiceDecision[];
}

/**
 * The questions one kind of product adds to the generic checklist. A pack is one data file
 * in ./packs/ and one line in ./packs/index.ts; its steps come after the key decisions.
 */
export interface GuidePack {
  /** The `productKind` answer that picks the pack. */
  id: string;
  label: string;
  /** Which products the pack fits, shown with the product kind choice. */
  when: string;
  steps: PackStep[];
}
