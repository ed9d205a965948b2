import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { generateSchemaTypes } from '../scripts/gen-types.mjs';
import { ROOT } from './helpers.js';

describe('the TypeScript types', () => {
  it('are exactly what the JSON Schemas generate (run `npm run gen:types` after editing a schema)', async () => {
    const committed = readFileSync(`${ROOT}src/model/schema-types.ts`, 'utf8');
    expect(committed).toBe(await generateSchemaTypes());
  });
});
