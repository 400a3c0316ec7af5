import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './cli.js';

/**
 * The sources a run of the CLI loaded, as paths from the package root: for a chunk of
 * dist/bundle/, the modules it holds (from the bundle's meta.json: `dist/commands/...`,
 * `node_modules/kysely/...`); for anything else (the dependencies left out of the
 * bundle), its own path. `urls` are what test/support/record-imports.mjs recorded.
 */
export function loadedSources(urls: string[]): string[] {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  };
  const chunks = new Map(Object.entries(meta.outputs).map(([output, { inputs }]) => [join(ROOT, output), Object.keys(inputs)]));
  return urls.flatMap((url) => {
    if (!url.startsWith('file:')) return [];
    const path = fileURLToPath(url);
    return chunks.get(path) ?? [path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length + 1) : path];
  });
}
