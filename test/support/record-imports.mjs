// Preloaded with `node --import` by the lazy-loading test: records the URL of every
// module the process loads, one per line, in the file named by RECORD_IMPORTS_FILE.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      import { appendFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const result = await next(specifier, context);
        if (process.env.RECORD_IMPORTS_FILE) appendFileSync(process.env.RECORD_IMPORTS_FILE, result.url + '\\n');
        return result;
      }
    `),
);
