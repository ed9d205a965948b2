// Builds the CLI into dist/ as one bundle, split per command: a command loads only what it uses,
// and Node resolves a handful of files instead of hundreds of modules at every start.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The build id keys the result cache: any change to the sources, schemas or dependencies changes it.
const inputs = ['package-lock.json', ...['src', 'schemas'].flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => `${dir}/${f}`))]
  .filter((f) => /\.(ts|json)$/.test(f))
  .sort();
const hash = createHash('sha256');
for (const file of inputs) hash.update(file).update(readFileSync(file));
const buildId = hash.digest('hex').slice(0, 16);

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Bundled CommonJS packages call require(); give ES modules one.
  banner: { js: "import { createRequire as __planCreateRequire } from 'node:module'; const require = __planCreateRequire(import.meta.url);" },
  legalComments: 'none',
  plugins: [
    {
      // See src/render/string-width-shim.ts. cli-table3 require()s string-width and expects the function itself.
      name: 'cli-table3-width',
      setup(build) {
        const shim = fileURLToPath(new URL('../src/render/string-width-shim.ts', import.meta.url));
        build.onResolve({ filter: /^string-width$/ }, (args) => (args.importer.includes('cli-table3') ? { path: 'string-width', namespace: 'width-shim' } : undefined));
        build.onLoad({ filter: /.*/, namespace: 'width-shim' }, () => ({ contents: `module.exports = require(${JSON.stringify(shim)}).default;`, loader: 'js', resolveDir: '.' }));
      },
    },
  ],
  define: { __PLAN_BUILD__: JSON.stringify(buildId) },
  logLevel: 'warning',
});
