// Generates src/model/schema-types.ts from schemas/*.json, so the TypeScript types can never drift
// from the data contract. A test regenerates it and fails if the committed file differs.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const schemasDir = fileURLToPath(new URL('../schemas/', import.meta.url));
const target = fileURLToPath(new URL('../src/model/schema-types.ts', import.meta.url));

/** Renders the TypeScript source for every file schema, as one module. */
export async function generateSchemaTypes() {
  const root = {
    title: 'DataFiles',
    description: 'Every kind of file in a data folder.',
    type: 'object',
    additionalProperties: false,
    properties: {
      plan: { $ref: 'plan.json' },
      domain: { $ref: 'domain.json' },
      enterprises: { $ref: 'enterprises.json' },
      towns: { $ref: 'towns.json' },
      people: { $ref: 'people.json' },
    },
  };
  return compile(root, 'DataFiles', {
    cwd: schemasDir,
    bannerComment: '/* Generated from schemas/*.json by `npm run gen:types`. Do not edit by hand. */',
    additionalProperties: false,
    unreachableDefinitions: false,
    style: { singleQuote: true },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(target, await generateSchemaTypes());
  console.log(`wrote ${target}`);
}
