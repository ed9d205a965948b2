// Numbers as people type them: full-width digits are fine, a percent sign or thousands separator is
// refused with a message that says exactly that.

export type NumberProblem = 'form' | 'percent' | 'decimal' | 'negative' | 'separator';

export type ParsedNumber = { ok: true; value: number; text: string } | { ok: false; problem: NumberProblem; bare?: string };

/** A number typed on the command line; `decimals` says whether 72.4 is allowed, `negative` whether -3 is. */
export function parseNumberInput(text: string, options: { decimals: boolean; negative: boolean }): ParsedNumber {
  const typed = text.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48)).replace(/．/g, '.').trim();
  const percent = /^(-?\d+(?:\.\d+)?)\s*[%％]$/.exec(typed);
  if (percent) return { ok: false, problem: 'percent', bare: percent[1]! };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(typed)) return { ok: false, problem: 'separator', bare: typed.replace(/,/g, '') };
  if (!/^-?\d+(\.\d+)?$/.test(typed)) return { ok: false, problem: 'form' };
  if (!options.decimals && typed.includes('.')) return { ok: false, problem: 'decimal' };
  if (!options.negative && typed.startsWith('-')) return { ok: false, problem: 'negative' };
  return { ok: true, value: Number(typed), text: typed };
}
