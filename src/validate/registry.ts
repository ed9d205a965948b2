import type { Severity } from './diagnostic.js';

/** What plan.yaml's `checks:` can say about a rule. */
export type RuleSetting = Severity | 'off';

interface RuleInfo {
  /** The severity the rule reports at unless plan.yaml says otherwise. */
  severity: Severity;
  /** Rules about whether the files can be read at all: always on, never configurable. */
  fixed?: true;
  /**
   * The rule weighs a list item as a whole (whether keys are there, how they relate), so it is
   * silent on an item that had a value removed for a schema error.
   */
  wholeItem?: true;
}

/**
 * Every rule `plan check` reports, by id. A new rule takes a line here, a property under `checks`
 * in schemas/plan.json (unless fixed) and a line in the README's table; a test keeps the three equal.
 */
export const RULES: Record<string, RuleInfo> = {
  encoding: { severity: 'error', fixed: true },
  io: { severity: 'error', fixed: true },
  'missing-file': { severity: 'error', fixed: true },
  'yaml-syntax': { severity: 'error', fixed: true },
  'conflict-marker': { severity: 'error', fixed: true },
  'fullwidth-colon': { severity: 'error', fixed: true },
  'missing-space': { severity: 'error', fixed: true },
  'duplicate-key': { severity: 'error', fixed: true },
  schema: { severity: 'error', fixed: true },
  'exact-number': { severity: 'error', fixed: true },
  'unknown-file': { severity: 'warning' },
  'leading-zero': { severity: 'warning' },
  'fullwidth-comma': { severity: 'error' },
  'unique-id': { severity: 'error' },
  'unique-name': { severity: 'error' },
  'task-id': { severity: 'warning' },
  'unknown-person': { severity: 'error' },
  'unknown-unit': { severity: 'error' },
  'unknown-town': { severity: 'error' },
  'invisible-character': { severity: 'warning' },
  'look-alike-name': { severity: 'warning' },
  'similar-unit': { severity: 'warning' },
  'no-owner': { severity: 'warning', wholeItem: true },
  'milestone-after-due': { severity: 'error', wholeItem: true },
  'done-without-date': { severity: 'error', wholeItem: true },
  'occurrence-key': { severity: 'error' },
  'occurrence-period': { severity: 'error' },
  'by-day': { severity: 'error' },
  'recurring-deadline': { severity: 'error' },
  'minimum-period': { severity: 'error' },
  season: { severity: 'error', wholeItem: true },
  'unknown-season': { severity: 'error' },
  'plan-period': { severity: 'error', wholeItem: true },
  'date-range': { severity: 'warning' },
  'outside-period': { severity: 'error' },
  'town-target': { severity: 'error', wholeItem: true },
  'target-value': { severity: 'error', wholeItem: true },
  'same-target': { severity: 'error', wholeItem: true },
  'per-unit': { severity: 'error' },
  'certified-expiry': { severity: 'warning', wholeItem: true },
  history: { severity: 'error', wholeItem: true },
  'undated-status': { severity: 'warning', wholeItem: true },
  'submitted-report': { severity: 'error' },
  calendar: { severity: 'error' },
};

/** The ids plan.yaml may set, in the order of the registry. */
export function configurableRules(): string[] {
  return Object.entries(RULES)
    .filter(([, info]) => !info.fixed)
    .map(([id]) => id);
}

/**
 * Decides at what severity each diagnostic is reported, from plan.yaml's `checks:` and whether
 * the caller wants warnings at all, and counts what `off` hid.
 */
export class RuleSettings {
  /** Diagnostics not reported because their rule is off. */
  off = 0;

  constructor(
    private readonly checks: Readonly<Record<string, RuleSetting>> = {},
    private readonly warnings = true,
  ) {}

  /** The severity to report a diagnostic of `rule` at (emitted at `severity`), or undefined to drop it. */
  severityOf(rule: string, severity: Severity): Severity | undefined {
    const info = RULES[rule];
    const setting = info?.fixed ? severity : (this.checks[rule] ?? severity);
    if (setting === 'off') {
      this.off++;
      return undefined;
    }
    return setting === 'warning' && !this.warnings ? undefined : setting;
  }
}
