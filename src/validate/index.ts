import type { Messages } from '../i18n/index.js';
import type { LoadedFolder } from '../load/load-folder.js';
import { isValidTimeZone } from '../model/dates.js';
import type { PlanFile } from '../model/schema-types.js';
import { sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { RuleSettings, type RuleSetting } from './registry.js';
import { crossFileDiagnostics, type CheckedFile } from './rules.js';
import { schemaDiagnostics } from './schema.js';
import { diagnosticAtPath } from '../load/source-file.js';

export interface Validation {
  diagnostics: Diagnostic[];
  /** How many problems were not reported because plan.yaml turns their rule off. */
  off: number;
}

/**
 * Every problem of a loaded folder: reading, YAML, schema, then the rules across files, at the
 * severities plan.yaml's `checks:` sets. Commands that only need to know the data is sound pass
 * `{ warnings: false }`.
 */
export function checkFolder(loaded: LoadedFolder, msg: Messages, options: { warnings: boolean } = { warnings: true }): Validation {
  const checked: CheckedFile[] = [];
  const schemaProblems: Diagnostic[] = [];
  for (const file of loaded.files) {
    if (file.data === undefined) continue;
    const result = schemaDiagnostics(file, msg);
    schemaProblems.push(...result.diagnostics);
    // A file with schema errors is still checked across files, without the values that are wrong.
    if (result.usable !== undefined) checked.push({ file, data: result.usable, removed: result.removed });
  }
  const plan = checked.find((c) => c.file.kind === 'plan');
  const settings = new RuleSettings((plan?.data as PlanFile | undefined)?.checks as Record<string, RuleSetting> | undefined, options.warnings);
  const diagnostics: Diagnostic[] = [];
  for (const d of [...loaded.diagnostics, ...schemaProblems]) {
    const severity = settings.severityOf(d.rule, d.severity);
    if (severity !== undefined) diagnostics.push(severity === d.severity ? d : { ...d, severity });
  }
  const timezone = (plan?.data as PlanFile | undefined)?.timezone;
  if (plan && timezone !== undefined && !isValidTimeZone(timezone)) {
    diagnostics.push(diagnosticAtPath(plan.file, ['timezone'], 'error', 'schema', msg.badPattern(timezone, 'IANA time zone, e.g. Asia/Shanghai')));
  }
  diagnostics.push(...crossFileDiagnostics(checked, msg, settings));
  return { diagnostics: sortDiagnostics(diagnostics), off: settings.off };
}

/** The diagnostics of checkFolder, for callers that do not report what was turned off. */
export function validateFolder(loaded: LoadedFolder, msg: Messages, options: { warnings: boolean } = { warnings: true }): Diagnostic[] {
  return checkFolder(loaded, msg, options).diagnostics;
}

export { countBySeverity, sortDiagnostics, type Diagnostic } from './diagnostic.js';
