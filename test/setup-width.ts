// The build hands cli-table3 the program's own width function instead of its string-width (see
// scripts/build.mjs); tests run the sources, so they do the same here, before cli-table3 loads.
import { createRequire } from 'node:module';
import stringWidth from '../src/render/string-width-shim.js';

const require = createRequire(import.meta.url);
const path = createRequire(require.resolve('cli-table3')).resolve('string-width');
require.cache[path] = { id: path, filename: path, loaded: true, exports: stringWidth } as NodeJS.Module;
