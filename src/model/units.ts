import type { PeopleFile } from './schema-types.js';
import { nameKey } from './names.js';

type UnitEntry = PeopleFile['units'][number];

/** Every way people.yaml lets a unit be written (its name, an alias, a combined name), mapped to the units it means. */
export type UnitIndex = Record<string, string[]>;

/**
 * Which units each written name means: a unit's name and aliases mean the unit, a combined name
 * means its members' units. Names are NFC. Built from files that passed validation; an unknown
 * member is skipped (the check reports it).
 */
export function unitIndexOf(entries: readonly UnitEntry[]): UnitIndex {
  // No prototype: a unit may be called __proto__ or constructor, and must be found like any other.
  const index: UnitIndex = Object.create(null) as UnitIndex;
  const units = entries.filter((u) => u.members === undefined);
  for (const unit of units) {
    const name = nameKey(unit.name);
    for (const written of [unit.name, ...(unit.aliases ?? [])]) index[nameKey(written)] = [name];
  }
  for (const combined of entries.filter((u) => u.members !== undefined)) {
    const meant = combined.members!.flatMap((m) => (Object.hasOwn(index, nameKey(m)) ? index[nameKey(m)]! : []));
    for (const written of [combined.name, ...(combined.aliases ?? [])]) index[nameKey(written)] = [...new Set(meant)];
  }
  return index;
}

/** The units a written name means, or undefined when people.yaml does not know it. */
export function unitsMeant(index: UnitIndex, written: string): string[] | undefined {
  const key = nameKey(written);
  return Object.hasOwn(index, key) ? index[key] : undefined;
}

/** The units a task's written names mean, each once, in the order first meant. Unknown names are kept as written. */
export function canonicalUnits(index: UnitIndex, written: readonly string[]): string[] {
  return [...new Set(written.flatMap((w) => unitsMeant(index, w) ?? [nameKey(w)]))];
}
