import type { Diagnostic } from '../validate/diagnostic.js';
import { RULES } from '../validate/registry.js';
import { escapeControls } from './json.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * A SARIF 2.1.0 log of one run, for GitHub code scanning and other SARIF viewers. Every rule of the
 * registry is listed with its default level, so a viewer can explain an id it has not seen a result of.
 * Columns count UTF-16 code units, as the positions are computed.
 */
export function renderDiagnosticsSarif(diagnostics: readonly Diagnostic[], version: string): string {
  const ids = [...new Set([...Object.keys(RULES), ...diagnostics.map((d) => d.rule)])];
  const index = new Map(ids.map((id, i) => [id, i]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan',
            version,
            rules: ids.map((id) => ({ id, defaultConfiguration: { level: RULES[id]?.severity ?? 'error' } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.rule,
          ruleIndex: index.get(d.rule)!,
          level: d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(d.file) },
                region: { startLine: d.line, startColumn: d.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return escapeControls(JSON.stringify(log, null, 2)) + '\n';
}

/** A path as a relative URI reference: encodeURI leaves # and ?, which would end the path there. */
function fileUri(path: string): string {
  return encodeURI(path).replace(/[#?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
