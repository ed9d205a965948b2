// Builds the CLI into CommonJS bundles and saves V8's compiled code for them (see bin/plan.cjs).
// dist/cli.cjs is the program; a command's code in it runs only when the command is asked for.
// dist/vendor-*.cjs hold the YAML parsers, the schema validator and the precompiled validators,
// each read only when first used (a report answered from the result cache needs none of them);
// dist/documents-{html,docx,xlsx}.cjs the HTML, Word and Excel renderers, each with its library
// (d3, docx, exceljs), read only when that format is asked for. Node then reads a few files, not hundreds of modules.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_TABLE3_PATCHES, patchCliTable3 } from './cli-table3-patches.mjs';

// The build id keys the result cache: any change to the sources, schemas or dependencies changes it.
const inputs = ['package-lock.json', ...['src', 'schemas'].flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => `${dir}/${f}`))]
  .filter((f) => /\.(ts|json)$/.test(f))
  .sort();
const hash = createHash('sha256');
for (const file of inputs) hash.update(file).update(readFileSync(file));
const buildId = hash.digest('hex').slice(0, 16);

const require = createRequire(import.meta.url);
/** The cli-table3 files the build has read, each through patchCliTable3. */
const patchedFiles = new Set();
rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
const validatorsFile = await generateValidators();

/**
 * Modules kept out of the main file, each in a file of its own that is read the first time one of
 * its exports is used (see the vendor-files plugin): a report answered from the result cache needs
 * none of them, and a clean uncached one needs only the fast parser and the precompiled validators.
 * `contents` makes the file; `exports` are the names the main file may use.
 */
const VENDOR = {
  yaml: { file: 'vendor-yaml.cjs', contents: "module.exports = require('yaml');", exports: require('yaml') },
  'js-yaml': { file: 'vendor-js-yaml.cjs', contents: "module.exports = require('js-yaml');", exports: require('js-yaml') },
  'ajv/dist/2020.js': { file: 'vendor-ajv.cjs', contents: "module.exports = require('ajv/dist/2020.js');", exports: require('ajv/dist/2020.js') },
  // The message catalogs (see the catalog-files plugin): a run speaks one language and reads only its catalog.
  'catalog-en': { file: 'i18n-en.cjs', contents: `module.exports = require(${JSON.stringify(fileURLToPath(new URL('../src/i18n/en.ts', import.meta.url)))});`, exports: { en: undefined } },
  'catalog-zh': { file: 'i18n-zh.cjs', contents: `module.exports = require(${JSON.stringify(fileURLToPath(new URL('../src/i18n/zh.ts', import.meta.url)))});`, exports: { zh: undefined } },
  // The notice reader of plan import: read only by that command.
  'notice-reader': { file: 'vendor-notice.cjs', contents: `module.exports = require(${JSON.stringify(fileURLToPath(new URL('../src/notice/index.ts', import.meta.url)))});`, exports: { draftOf: undefined, compare: undefined } },
  // Stands for src/validate/precompiled.ts (see the precompiled-validators plugin).
  validators: { file: 'vendor-validators.cjs', contents: `module.exports = { precompiled: require(${JSON.stringify(validatorsFile)}) };`, exports: { precompiled: undefined } },
};
const VENDOR_FILTER = new RegExp(`^(${Object.keys(VENDOR).map((id) => id.replace(/[./]/g, '\\$&')).join('|')})$`);

/** A stand-in for a vendor module whose exports load its file when first read. */
function lazyModule({ file, exports }) {
  const names = Object.keys(exports).filter((name) => name !== '__esModule');
  const getters = names.map((name) => `${JSON.stringify(name)}: { get: () => load()[${JSON.stringify(name)}], enumerable: true }`);
  // Read when the module is imported, so it must be known without loading: a plain value.
  const esModule = exports.__esModule ? `Object.defineProperty(module.exports, '__esModule', { value: true });` : '';
  return `let loaded; const load = () => (loaded ??= require('plan-vendor-loader')(${JSON.stringify(file)}));${esModule} Object.defineProperties(module.exports, { ${getters.join(', ')} });`;
}

/** Loads a vendor file as the bundle is loaded, with the compiled code saved beside it (bin/plan.cjs). */
const VENDOR_LOADER = "module.exports = (file) => require('../bin/plan.cjs').loadScript(require('node:path').join(__dirname, file)).exports;";
await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  // Smaller to read and check at every start; names are kept so that --debug stack traces read.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [
    {
      // plan settles the colour level itself (src/render/color.ts); chalk's own detection would
      // only load Node's tty and os modules at every start.
      name: 'chalk-without-detection',
      setup(build) {
        build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'plan-stub' }));
        build.onLoad({ filter: /^supports-color$/, namespace: 'plan-stub' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
      },
    },
    {
      // See src/render/string-width-shim.ts. cli-table3 require()s string-width and expects the function itself.
      name: 'cli-table3-width',
      setup(build) {
        const shim = fileURLToPath(new URL('../src/render/string-width-shim.ts', import.meta.url));
        build.onResolve({ filter: /^string-width$/ }, (args) => (args.importer.includes('cli-table3') ? { path: 'string-width', namespace: 'width-shim' } : undefined));
        build.onLoad({ filter: /.*/, namespace: 'width-shim' }, () => ({ contents: `module.exports = require(${JSON.stringify(shim)}).default;`, loader: 'js', resolveDir: '.' }));
      },
    },
    {
      // Faster text for a few of cli-table3's functions, same results: see scripts/cli-table3-patches.mjs.
      name: 'cli-table3-faster-cells',
      setup(build) {
        build.onLoad({ filter: /[\\/]cli-table3[\\/]src[\\/][a-z-]+\.js$/ }, (args) => {
          patchedFiles.add(basename(args.path));
          return { contents: patchCliTable3(basename(args.path), readFileSync(args.path, 'utf8')), loader: 'js' };
        });
      },
    },
    {
      // The modules of VENDOR go to files of their own, loaded when first used.
      name: 'vendor-files',
      setup(build) {
        build.onResolve({ filter: VENDOR_FILTER }, (args) => ({ path: args.path, namespace: 'plan-vendor' }));
        build.onResolve({ filter: /^\.\/vendor-[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
        build.onLoad({ filter: /.*/, namespace: 'plan-vendor' }, (args) => ({ contents: lazyModule(VENDOR[args.path]), loader: 'js' }));
        build.onResolve({ filter: /^plan-vendor-loader$/ }, () => ({ path: 'loader', namespace: 'plan-vendor-loader' }));
        build.onLoad({ filter: /.*/, namespace: 'plan-vendor-loader' }, () => ({ contents: VENDOR_LOADER, loader: 'js' }));
        // The loader is bin/plan.cjs's own, required at run time from beside the bundle.
        build.onResolve({ filter: /^\.\.\/bin\/plan\.cjs$/ }, (args) => ({ path: args.path, external: true }));
      },
    },
    {
      // The zh and en message catalogs go to files of their own, each read when its language is
      // first spoken: together they were a fifth of the main file, and a run needs one of them.
      name: 'catalog-files',
      setup(build) {
        build.onResolve({ filter: /\/(en|zh)\.js$/ }, (args) =>
          /[\\/]src[\\/](i18n[\\/]index|input[\\/]words)\.ts$/.test(args.importer) ? { path: `catalog-${/(en|zh)\.js$/.exec(args.path)[1]}`, namespace: 'plan-vendor' } : undefined,
        );
      },
    },
    {
      // src/notice/ goes to a file of its own (VENDOR 'notice-reader'), read only by plan import.
      name: 'notice-file',
      setup(build) {
        build.onResolve({ filter: /\/notice\/index\.js$/ }, (args) =>
          args.importer.endsWith(join('src', 'commands', 'import.ts')) ? { path: 'notice-reader', namespace: 'plan-vendor' } : undefined,
        );
      },
    },
    {
      // The schemas' validators as ajv's standalone code, generated below, instead of the module
      // that makes src/validate/schema.ts compile them at run time. They go to the vendor file.
      name: 'precompiled-validators',
      setup(build) {
        build.onResolve({ filter: /\/precompiled\.js$/ }, (args) =>
          args.importer.endsWith(join('src', 'validate', 'schema.ts')) ? { path: 'validators', namespace: 'plan-vendor' } : undefined,
        );
      },
    },
    {
      // src/render/documents-{html,docx,xlsx}.ts and all they import go to their own files (built
      // below), each required only when a command asks for that format: the libraries for them are
      // several times the size of the rest of the program and would otherwise be read at every start,
      // and Excel's alone is three times the others together.
      name: 'documents-files',
      setup(build) {
        build.onResolve({ filter: /\/render\/documents-[a-z]+\.js$/ }, (args) => ({ path: args.path.replace(/^.*\/(documents-[a-z]+)\.js$/, '$1'), namespace: 'plan-documents' }));
        build.onResolve({ filter: /^\.\/documents-[a-z]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
        build.onLoad({ filter: /.*/, namespace: 'plan-documents' }, (args) => ({ contents: `module.exports = require('./${args.path}.cjs');`, loader: 'js' }));
      },
    },
    {
      // commander loads child_process for external subcommands, which plan does not have: load it
      // only if it is ever used, instead of at every start.
      name: 'commander-lazy-child-process',
      setup(build) {
        build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
          args.importer.includes('commander') ? { path: 'child_process', namespace: 'plan-lazy' } : undefined,
        );
        build.onLoad({ filter: /^child_process$/, namespace: 'plan-lazy' }, () => ({
          contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
          loader: 'js',
        }));
      },
    },
  ],
  // Source code finds files beside itself (the calendar's years) from import.meta.url, which a
  // CommonJS bundle does not have: it is the bundle's own file URL there.
  // (Worked out when asked: loading node:url at every start would cost more than the few commands that ask.)
  banner: { js: "var __plan_meta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  define: { __PLAN_BUILD__: JSON.stringify(buildId), 'import.meta.url': '__plan_meta.url' },
  logLevel: 'warning',
});
const unpatched = Object.keys(CLI_TABLE3_PATCHES).filter((file) => !patchedFiles.has(file));
if (unpatched.length > 0) throw new Error(`cli-table3's ${unpatched.join(', ')} not patched: is it still in the bundle? (scripts/cli-table3-patches.mjs)`);

/** How the files beside dist/cli.cjs are built: libraries, read only by the commands that need them. */
const LIBRARY_FILE = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'none', minify: true, logLevel: 'warning' };

for (const { file, contents } of Object.values(VENDOR)) {
  await build({ ...LIBRARY_FILE, stdin: { contents, resolveDir: '.', loader: 'js' }, outfile: `dist/${file}` });
}

await build({
  ...LIBRARY_FILE,
  entryPoints: ['html', 'docx', 'xlsx'].map((format) => `src/render/documents-${format}.ts`),
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
});

rmSync(new URL('../dist/generated/', import.meta.url), { recursive: true, force: true });
await saveCodeCache();

/**
 * Writes the validators of the data-file schemas as ajv's standalone code (dist/generated/, bundled
 * into the vendor file, then removed): compiling the schemas took most of an uncached run. They are
 * made by src/validate/ajv-setup.ts, as the run-time validator is, without collecting every error
 * and the schema beside it: they only answer whether a file passes, and a file that does not is
 * then checked again by the run-time validator for its messages.
 */
async function generateValidators() {
  const dir = fileURLToPath(new URL('../dist/generated/', import.meta.url));
  const setupFile = join(dir, 'ajv-setup.cjs');
  // ajv stays outside this bundle: the generated code must be built with the same ajv module as `_` below.
  await build({ entryPoints: ['src/validate/ajv-setup.ts'], outfile: setupFile, bundle: true, format: 'cjs', platform: 'node', external: ['ajv', 'ajv/*'], logLevel: 'warning' });
  const { newAjv, SCHEMA_OF } = require(setupFile);
  const { _ } = require('ajv');
  const standaloneCode = require('ajv/dist/standalone').default;
  const formatsModule = fileURLToPath(new URL('../src/validate/formats.ts', import.meta.url));
  const ajv = newAjv({ allErrors: false, verbose: false, code: { source: true, formats: _`require(${formatsModule}).formats` } });
  const code = standaloneCode(ajv, Object.fromEntries(Object.entries(SCHEMA_OF).map(([kind, schema]) => [kind, schema.$id])));
  const file = join(dir, 'validators.cjs');
  writeFileSync(file, code);
  return file;
}

/**
 * Saves V8's compiled code for the bundle and the vendor files it loads, after what runs mostly do:
 * a status on the bundled data (twice: building the plan, then from the result cache), an
 * uncached check and an edit (a dry run), output discarded. The code of everything those runs compiled is then read back
 * instead of compiled again; what they did not run is compiled on use, as before.
 */
async function saveCodeCache() {
  const { loadBundle, loadedScripts } = require('../bin/plan.cjs');
  const { exports } = loadBundle({ useCodeCache: false });
  const io = { stdout: () => {}, stdoutBytes: () => {}, stderr: () => {}, env: {}, cwd: process.cwd(), isTTY: false, columns: undefined, now: () => new Date() };
  const resultCache = mkdtempSync(join(tmpdir(), 'plan-build-'));
  try {
    // An edit as well (a dry run: it writes nothing), for the code edits run and the yaml package's.
    for (const args of [['status'], ['status'], ['--lang', 'zh', 'status'], ['check'], ['done', 'ZH-01', '--on', '2022-03-01', '--dry-run']]) {
      await exports.main(['--data', 'data', ...args], { ...io, env: args[0] === 'status' ? { PLAN_CACHE_DIR: resultCache } : { PLAN_CACHE: '0' } });
    }
  } finally {
    rmSync(resultCache, { recursive: true, force: true });
  }
  for (const [path, loaded] of loadedScripts) writeFileSync(`${path}.cache`, loaded.createCachedData());
}
