// `npm run bench`: compiles the benchmarks (with the code and test helpers they use)
// into .bench-dist/, then runs each bench/*.ts in turn. Results go to bench/results/.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.bench.json')], {
  stdio: 'inherit',
});
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const only = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((name) => only.length === 0 || only.includes(name));
for (const name of benches) {
  console.error(`[bench] ${name}`);
  const run = spawnSync(process.execPath, [join(root, '.bench-dist/bench', `${name}.js`)], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
