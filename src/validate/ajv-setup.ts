import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import type { FileKind } from '../load/source-file.js';
import { formats } from './formats.js';
import commonSchema from '../../schemas/common.json' with { type: 'json' };
import domainSchema from '../../schemas/domain.json' with { type: 'json' };
import enterprisesSchema from '../../schemas/enterprises.json' with { type: 'json' };
import peopleSchema from '../../schemas/people.json' with { type: 'json' };
import planSchema from '../../schemas/plan.json' with { type: 'json' };
import townsSchema from '../../schemas/towns.json' with { type: 'json' };

// The one place the validator is set up: the run-time validator (src/validate/schema.ts) and the
// build's precompiled one (scripts/build.mjs) both come from here, so they cannot disagree.

/** The schema of each kind of data file. Imported, not read at run time: the bundler inlines them. */
export const SCHEMA_OF: Record<FileKind, { $id: string }> = {
  plan: planSchema,
  domain: domainSchema,
  enterprises: enterprisesSchema,
  towns: townsSchema,
  people: peopleSchema,
};

/** An ajv with every data-file schema added; `options` adds to (or overrides) the settings plan checks with. */
export function newAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, ...options });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  ajv.addSchema(commonSchema);
  for (const schema of Object.values(SCHEMA_OF)) ajv.addSchema(schema);
  return ajv;
}
