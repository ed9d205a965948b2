import { isScalar, visit, type Node } from 'yaml';
import type { Messages } from '../i18n/index.js';
import { diagnosticAtOffset, diagnosticAtPath, documentOf, type SourceFile } from '../load/source-file.js';
import { MAX_SIGNIFICANT_DIGITS, significantDigits } from '../model/figures.js';
import type { TownsFile } from '../model/schema-types.js';
import type { Diagnostic } from './diagnostic.js';

/** Sixteen digits, perhaps with a decimal point among them: the only text that can hold a number with too many. */
const MAYBE_LONG_NUMBER = /(?:\d\.?){16}/;

/** An escape (\uD800 … \uDFFF, or \U0000D800 …) that can spell half of a character. */
const MAYBE_SURROGATE = /\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}/;

/**
 * Rule encoding, for text a file spells with escapes: half of a character ("\uD800" alone) is no
 * text; it could be written nowhere (UTF-8 cannot hold it) and reads back as a replacement mark.
 */
export function halfCharacters(file: SourceFile, msg: Messages): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!MAYBE_SURROGATE.test(file.text)) return diagnostics;
  visit(documentOf(file), {
    Scalar(_, node) {
      // With /u, a surrogate pair is one character; only a lone half matches.
      if (isScalar(node) && typeof node.value === 'string' && /\p{Surrogate}/u.test(node.value)) {
        diagnostics.push(diagnosticAtOffset(file, node.range?.[0] ?? 0, 'error', 'encoding', msg.halfCharacter));
      }
    },
  });
  return diagnostics;
}

/**
 * Rule exact-number: a number the file cannot hold exactly. A figure written with more than 15
 * significant digits reads back as another number (99999999999999999999 as 100000000000000000000),
 * and a count beyond 2^53 (however written, 1e20 say) cannot be counted in exactly.
 */
export function inexactNumbers(file: SourceFile, msg: Messages): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // The document with positions is parsed only for a file whose text might hold such a number.
  if (MAYBE_LONG_NUMBER.test(file.text)) {
    visit(documentOf(file), {
      Scalar(_, node) {
        const source = (node as Node & { source?: string }).source;
        if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'number' || source === undefined) return;
        if (significantDigits(source) > MAX_SIGNIFICANT_DIGITS) {
          diagnostics.push(diagnosticAtOffset(file, node.range?.[0] ?? 0, 'error', 'exact-number', msg.numberNotExact(source, MAX_SIGNIFICANT_DIGITS)));
        }
      },
    });
  }
  if (file.kind === 'towns' && diagnostics.length === 0) {
    (file.data as TownsFile).towns.forEach((town, i) => {
      const counts: [(string | number)[], number | null | undefined][] = [
        [['towns', i, 'target_total'], town.target_total],
        [['towns', i, 'target_above_scale'], town.target_above_scale],
        ...(town.progress ?? []).flatMap((p, k): [(string | number)[], number | undefined][] => [
          [['towns', i, 'progress', k, 'achieved_total'], p.achieved_total],
          [['towns', i, 'progress', k, 'achieved_above_scale'], p.achieved_above_scale],
        ]),
      ];
      for (const [path, value] of counts) {
        if (typeof value === 'number' && !Number.isSafeInteger(value)) diagnostics.push(diagnosticAtPath(file, path, 'error', 'exact-number', msg.countNotExact(String(value))));
      }
    });
  }
  return diagnostics;
}
