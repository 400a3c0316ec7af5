// `npm run build`, second step: bundles the compiled CLI (dist/main.js, from tsc) into
// dist/bundle/, which bin/alumni.js runs. Node loads a few dozen chunks instead of ~400
// modules (Kysely alone is 279): an embedded command starts ~0.1 s sooner (README,
// "Benchmark"). Code splitting keeps every verb in chunks of its own, loaded only when it
// runs. Kysely and commander are bundled; every other dependency stays in node_modules,
// where it is loaded (lazily, most of them) as before: PGlite finds its WebAssembly next
// to its own module, and the report's ECharts and puppeteer-core stay out of other
// commands. dist/bundle/meta.json says which sources each chunk holds (the lazy-loading
// test reads it).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const BUNDLED = ['kysely', 'commander', '@commander-js/extra-typings', 'chalk', 'cli-table3', 'nanotar'];
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  entryPoints: [join(root, 'dist', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(dependencies).filter((name) => !BUNDLED.includes(name)),
  // commander is CommonJS: its require() calls need a require in an ES module.
  banner: { js: "import { createRequire as __alumniRequire } from 'node:module'; const require = __alumniRequire(import.meta.url);" },
  absWorkingDir: root,
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
