// Builds the CLI into CommonJS bundles and saves V8's compiled code for the main one (see
// bin/plan.cjs). dist/cli.cjs is the program; a command's code in it runs only when the command is
// asked for. dist/vendor.cjs holds the YAML parsers and the schema validator, which a report
// answered from the result cache never needs; dist/documents.cjs the HTML, Word and Excel renderers
// with their libraries (d3, docx, exceljs), which only those formats need. Node then reads two
// files, not hundreds of modules.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// The build id keys the result cache: any change to the sources, schemas or dependencies changes it.
const inputs = ['package-lock.json', ...['src', 'schemas'].flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => `${dir}/${f}`))]
  .filter((f) => /\.(ts|json)$/.test(f))
  .sort();
const hash = createHash('sha256');
for (const file of inputs) hash.update(file).update(readFileSync(file));
const buildId = hash.digest('hex').slice(0, 16);

/** Packages kept out of the main file (see the vendor-file plugin). */
const VENDOR = ['yaml', 'js-yaml', 'ajv/dist/2020.js'];
const VENDOR_FILTER = new RegExp(`^(${VENDOR.map((id) => id.replace(/[./]/g, '\\$&')).join('|')})$`);

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
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
      // The parsers and the schema validator go to their own file, loaded only when a command
      // parses YAML: a report answered from the result cache reads and compiles a third as much.
      name: 'vendor-file',
      setup(build) {
        build.onResolve({ filter: VENDOR_FILTER }, (args) => ({ path: args.path, namespace: 'plan-vendor' }));
        build.onResolve({ filter: /^\.\/vendor\.cjs$/ }, (args) => ({ path: args.path, external: true }));
        build.onLoad({ filter: /.*/, namespace: 'plan-vendor' }, (args) => ({
          contents: `module.exports = require('./vendor.cjs')[${JSON.stringify(args.path)}];`,
          loader: 'js',
        }));
      },
    },
    {
      // src/render/documents.ts and all it imports go to their own file (built below), required
      // only when a command asks for HTML, Word or Excel: the libraries for those are several times
      // the size of the rest of the program, and would otherwise be read at every start.
      name: 'documents-file',
      setup(build) {
        build.onResolve({ filter: /\/render\/documents\.js$/ }, () => ({ path: 'documents', namespace: 'plan-documents' }));
        build.onResolve({ filter: /^\.\/documents\.cjs$/ }, (args) => ({ path: args.path, external: true }));
        build.onLoad({ filter: /.*/, namespace: 'plan-documents' }, () => ({ contents: "module.exports = require('./documents.cjs');", loader: 'js' }));
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
  define: { __PLAN_BUILD__: JSON.stringify(buildId) },
  logLevel: 'warning',
});

await build({
  stdin: { contents: `module.exports = { ${VENDOR.map((id) => `${JSON.stringify(id)}: require(${JSON.stringify(id)})`).join(', ')} };`, resolveDir: '.', loader: 'js' },
  outfile: 'dist/vendor.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
});

await build({
  entryPoints: ['src/render/documents.ts'],
  outfile: 'dist/documents.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
});

await saveCodeCache();

/**
 * Saves V8's compiled code for what every run does: load the bundle and set up the commands
 * (here for `plan --version`, output discarded). Caching the code of a whole command as well was
 * measured slower: V8 then reads back far more code than a run on the bundled data compiles.
 */
async function saveCodeCache() {
  const { loadBundle, CODE_CACHE } = createRequire(import.meta.url)('../bin/plan.cjs');
  const { exports, script } = loadBundle({ useCodeCache: false });
  const io = { stdout: () => {}, stderr: () => {}, env: {}, cwd: process.cwd(), isTTY: false, columns: undefined, now: () => new Date() };
  await exports.main(['--version'], io);
  writeFileSync(CODE_CACHE, script.createCachedData());
}
