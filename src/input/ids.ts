/**
 * An item id as the data writes it, from the way a person types it: any letter case, and a week or
 * month of an occurrence without its leading zero (FX-19@2022-W1 is FX-19@2022-W01, ZH-07@2022-6
 * is ZH-07@2022-06).
 */
export function canonicalId(text: string): string {
  const upper = text.trim().toUpperCase();
  return upper.replace(/@(\d{4})-(W?)(\d)$/, (_m, year: string, week: string, n: string) => `@${year}-${week}0${n}`);
}
