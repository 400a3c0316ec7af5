import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root (where package.json, migrations/ and fixtures/ are), found by
 * walking up from this module: it runs from src/ (tests), dist/ (the CLI) and
 * .bench-dist/src/ (benchmarks) alike.
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'migrations'))) {
    const parent = dirname(dir);
    // eslint-disable-next-line alumni/no-literal-messages -- a bug of ours, not a user's doing: reported as code internal
    if (parent === dir) throw new Error('alumni-admin: cannot find the package root (package.json and migrations/).');
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();
