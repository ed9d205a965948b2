import type { Messages } from '../i18n/index.js';
import type { PathSegment, SourceFile } from '../load/source-file.js';
import { nameKey } from '../model/names.js';
import type { PeopleFile } from '../model/schema-types.js';
import type { Report } from './rules.js';

interface Written {
  name: string;
  /** The entry it belongs to, by index: a unit's name and aliases share it. */
  entry: number;
  path: PathSegment[];
}

/**
 * The unit names tasks may use (names, aliases, combined names), reporting a name or alias given
 * twice (unique-name) and a combined name's member that is no unit (unknown-unit). A spelling that
 * differs slightly from another unit's, and is not declared as its alias, gets a similar-unit warning.
 */
export function unitNames(file: SourceFile, units: PeopleFile['units'], report: Report, msg: Messages): Set<string> {
  const written: Written[] = [];
  const owner = new Map<string, Written>();
  units.forEach((unit, i) => {
    const spellings: Written[] = [
      { name: unit.name, entry: i, path: ['units', i, 'name'] },
      ...(unit.aliases ?? []).map((alias, k) => ({ name: alias, entry: i, path: ['units', i, 'aliases', k] })),
    ];
    for (const spelling of spellings) {
      const key = nameKey(spelling.name);
      const first = owner.get(key);
      if (first === undefined) owner.set(key, spelling);
      else if (first.entry === spelling.entry) report(file, spelling.path, 'unique-name', msg.duplicateName(spelling.name));
      else report(file, spelling.path, 'unique-name', msg.aliasTaken(spelling.name, units[first.entry]!.name));
      written.push(spelling);
    }
  });
  const plain = new Set(units.flatMap((u) => (u.members === undefined ? [u.name, ...(u.aliases ?? [])].map(nameKey) : [])));
  units.forEach((unit, i) =>
    unit.members?.forEach((member, k) => {
      if (!plain.has(nameKey(member))) report(file, ['units', i, 'members', k], 'unknown-unit', msg.unknownMember(member));
    }),
  );
  similarUnits(file, units, written, report, msg);
  return new Set(owner.keys());
}

/** A spelling one or two characters from another unit's (我城市管理局 / 区城市管理局), unless one stands for the other. */
function similarUnits(file: SourceFile, units: PeopleFile['units'], written: readonly Written[], report: Report, msg: Messages): void {
  const related = (a: number, b: number) => {
    const [x, y] = [units[a]!, units[b]!];
    const names = (u: typeof x) => new Set([u.name, ...(u.aliases ?? [])].map(nameKey));
    const standsFor = (combined: typeof x, unit: typeof x) => combined.members?.some((m) => names(unit).has(nameKey(m))) ?? false;
    return standsFor(x, y) || standsFor(y, x);
  };
  written.forEach((later, j) => {
    const near = written.slice(0, j).find((earlier) => earlier.entry !== later.entry && !related(earlier.entry, later.entry) && slightlyDifferent(earlier.name, later.name));
    if (near) report(file, later.path, 'similar-unit', msg.similarUnit(later.name, near.name), 'warning');
  });
}

/**
 * Whether two names differ by one or two characters (added, dropped or changed), few enough for
 * their length that a slip is likelier than two bodies: 区防办 and 区防指 differ by a third, and
 * are two bodies; 我城市管理局 and 区城市管理局 by a sixth.
 */
export function slightlyDifferent(a: string, b: string): boolean {
  const [x, y] = [[...nameKey(a)], [...nameKey(b)]];
  const distance = editDistance(x, y);
  return distance >= 1 && distance <= 2 && distance * 4 <= Math.min(x.length, y.length);
}

/** Levenshtein distance between two strings given as characters. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
