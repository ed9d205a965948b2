import type { Messages } from '../i18n/index.js';
import type { SourceFile } from '../load/source-file.js';
import { invisibleCodePoint, lookAlikeKey, nameKey } from '../model/names.js';
import type { DomainFile, PeopleFile } from '../model/schema-types.js';
import type { Report } from './rules.js';

/**
 * Warnings about names that are not what they look like: a name with an invisible character in it
 * (a zero-width joiner, a bidirectional mark), and two people or units whose names differ only by
 * such characters or by spaces — three "张伟" rows in a table, and a filter finding one of them.
 */
export function nameWarnings(
  people: { file: SourceFile; data: PeopleFile } | undefined,
  domains: readonly { file: SourceFile; data: DomainFile }[],
  report: Report,
  msg: Messages,
): void {
  const invisible = (file: SourceFile, path: (string | number)[], name: string) => {
    const code = invisibleCodePoint(name);
    if (code !== undefined) report(file, path, 'invisible-character', msg.invisibleInName(name, code), 'warning');
  };
  if (people) {
    const seen = new Map<string, string>();
    for (const key of ['people', 'units'] as const) {
      (people.data[key] ?? []).forEach((entry, i) => {
        invisible(people.file, [key, i, 'name'], entry.name);
        const look = lookAlikeKey(entry.name);
        const first = seen.get(look);
        if (first !== undefined && first !== nameKey(entry.name)) report(people.file, [key, i, 'name'], 'look-alike-name', msg.lookAlikeName(entry.name, first), 'warning');
        else if (first === undefined) seen.set(look, nameKey(entry.name));
      });
    }
  }
  for (const { file, data } of domains) {
    data.tasks.forEach((task, i) => {
      for (const key of ['owners', 'leaders', 'units'] as const) task[key]?.forEach((name, k) => invisible(file, ['tasks', i, key, k], name));
    });
  }
}
