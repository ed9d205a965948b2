#!/usr/bin/env node
'use strict';
// Starts plan from its bundle, dist/cli.cjs (made by `npm run build`).
//
// Node 20 parses and compiles a script from scratch at every start, which is a good part of a short
// run. The build saves V8's compiled code for the bundle next to it (dist/cli.cjs.cache) and this
// loader hands it back to V8. V8 checks that the cache matches the bundle's source, its own
// version and its flags, and otherwise ignores it and compiles as usual: the cache can make a start
// faster, never different.
//
// This file is CommonJS because Node's ES-module loader costs a few milliseconds more to start.
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'cli.cjs');
const CODE_CACHE = `${BUNDLE}.cache`;

/** Every file loaded by loadScript, with its compiled script: the build saves their code. */
const loadedScripts = new Map();

/**
 * Runs a CommonJS file as Node would, handing V8 the compiled code saved beside it (FILE.cache)
 * unless told not to; returns its exports and the compiled script. The bundle is loaded so, and so
 * are the vendor files it reads when first used (see scripts/build.mjs).
 */
function loadScript(file, { useCodeCache = true } = {}) {
  let cachedData;
  if (useCodeCache) {
    try {
      cachedData = readFileSync(`${file}.cache`);
    } catch {
      // No cache (a build without one, or a copied dist/): compile.
    }
  }
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  loadedScripts.set(file, script);
  const loaded = { exports: {} };
  script.runInThisContext()(loaded.exports, createRequire(file), loaded, file, dirname(file));
  return { exports: loaded.exports, script };
}

/** Runs the bundle; returns its exports and the compiled script. */
function loadBundle(options) {
  return loadScript(BUNDLE, options);
}

// Exported whether run or required: the bundle requires this file to load its vendor files.
module.exports = { loadBundle, loadScript, loadedScripts, CODE_CACHE };

if (require.main === module) {
  let cli;
  try {
    cli = loadBundle().exports;
  } catch (error) {
    if (error.code !== 'ENOENT' || process.argv.includes('--debug')) throw error;
    process.stderr.write(`plan: ${BUNDLE} is missing: run \`npm run build\` (npm ci runs it too)\n`);
    process.exit(2);
  }
  cli.run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
