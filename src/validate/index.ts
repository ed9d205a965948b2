import type { Messages } from '../i18n/index.js';
import type { LoadedFolder } from '../load/load-folder.js';
import type { SourceFile } from '../load/source-file.js';
import { isValidTimeZone } from '../model/dates.js';
import type { PlanFile } from '../model/schema-types.js';
import { sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { crossFileDiagnostics } from './rules.js';
import { schemaDiagnostics } from './schema.js';
import { diagnosticAtPath } from '../load/source-file.js';

/**
 * Every problem of a loaded folder: reading, YAML, schema, then the rules across files. Commands
 * that only need to know the data is sound pass `{ warnings: false }`.
 */
export function validateFolder(loaded: LoadedFolder, msg: Messages, options: { warnings: boolean } = { warnings: true }): Diagnostic[] {
  const diagnostics = [...loaded.diagnostics];
  const schemaValid: SourceFile[] = [];
  for (const file of loaded.files) {
    if (file.data === undefined) continue;
    const problems = schemaDiagnostics(file, msg);
    diagnostics.push(...problems);
    if (problems.length === 0) schemaValid.push(file);
  }
  for (const file of schemaValid) {
    const timezone = file.kind === 'plan' ? (file.data as PlanFile).timezone : undefined;
    if (timezone !== undefined && !isValidTimeZone(timezone)) {
      diagnostics.push(diagnosticAtPath(file, ['timezone'], 'error', 'schema', msg.badPattern(timezone, 'IANA time zone, e.g. Asia/Shanghai')));
    }
  }
  diagnostics.push(...crossFileDiagnostics(schemaValid, msg, options.warnings));
  return sortDiagnostics(diagnostics);
}

export { countBySeverity, sortDiagnostics, type Diagnostic } from './diagnostic.js';
