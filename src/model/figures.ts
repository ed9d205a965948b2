/**
 * Figures people type and files hold. A binary double keeps about 15 decimal digits exactly, and a
 * whole number exactly up to 2^53; beyond that a file would hold something other than what was
 * typed (99999999999999999999 reads back as 100000000000000000000), so such figures are refused.
 */
export const MAX_SIGNIFICANT_DIGITS = 15;

/** A decimal as a person types it: 12, -12, 72.5, 0.25 — no exponent, no leading zeros, no plus sign. */
export function isPlainDecimal(text: string): boolean {
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(text);
}

/** A count: 0, 7, 240 — no sign, no leading zeros, no fraction. */
export function isPlainCount(text: string): boolean {
  return /^(0|[1-9]\d*)$/.test(text);
}

/**
 * Digits from the first non-zero one to the last one written, in the decimal part of a number's
 * text (an exponent is not counted): 0.0012 → 2, 72.50 → 4, 100 → 3, 99999999999999999999 → 20.
 */
export function significantDigits(text: string): number {
  const mantissa = text.replace(/^[-+]/, '').replace(/[eE].*$/, '');
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  return digits.length;
}

/** How many digits a number's text has after its decimal point (72.50 → 2), to write it back the same way. */
export function fractionDigits(text: string): number {
  return /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
}

/**
 * Whether typed text can be stored as a YAML number and read back as the same text: a plain
 * decimal of at most 15 significant digits that JavaScript does not write with an exponent.
 */
export function isStorableFigure(text: string): boolean {
  return isPlainDecimal(text) && significantDigits(text) <= MAX_SIGNIFICANT_DIGITS && !String(Number(text)).includes('e');
}
