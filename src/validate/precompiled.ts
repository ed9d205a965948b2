import type { FileKind } from '../load/source-file.js';

/**
 * Whether a file's data passes its schema, by validators the build generates ahead of time (ajv's
 * standalone code, see scripts/build.mjs): compiling the schemas at start took most of an
 * uncached run. The build replaces this module; run from source (tests, typecheck) there are none,
 * and src/validate/schema.ts compiles the schemas as before.
 */
export const precompiled: Record<FileKind, (data: unknown) => boolean> | undefined = undefined;
