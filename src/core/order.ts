// One order for every list Adrift prints or writes: strings compared by UTF-16 code unit, as
// Array.prototype.sort does by default and as the source listing is sorted. Not localeCompare,
// which follows the machine's locale (LANG): on a Czech or Swedish machine it put paths,
// baseline entries and the numbers given to imported records in another order than CI's, and
// its first call loads ICU's collator (over half of the editor's first re-check of a file).

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
