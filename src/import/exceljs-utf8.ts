import { createRequire } from 'node:module';

/**
 * exceljs 4.4's streaming reader decodes each chunk of a sheet's XML on its own
 * (lib/utils/parse-sax.js): a character written in two or more bytes (é, ï, ç…) that
 * falls across two chunks becomes two U+FFFD, so one name in a few thousand comes out
 * garbled ("Zo�� Koné"). This puts in its place, before exceljs is first loaded, the same
 * parser with a streaming decoder, one per XML part, which keeps an incomplete character
 * for the next chunk. Run when src/import/xlsx.ts is loaded; test/integration/roster-import-xlsx.test.ts checks a
 * sheet long enough for characters to fall across chunks.
 */
export function decodeExcelXmlAsStream(): void {
  const require = createRequire(import.meta.url);
  const path = require.resolve('exceljs/lib/utils/parse-sax.js');
  if (require.cache[path]) return; // loaded already: this one, or (too late) exceljs's

  async function* parseSax(iterable: AsyncIterable<Buffer | string>) {
    const { SaxesParser } = require(require.resolve('saxes', { paths: [path] })) as typeof import('saxes');
    const parser = new SaxesParser();
    const decoder = new TextDecoder('utf-8');
    let error: Error | undefined;
    let events: Array<{ eventType: string; value: unknown }> = [];
    parser.on('error', (cause) => (error = cause));
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of iterable) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) parser.write(rest);
    if (error) throw error;
    if (events.length > 0) yield events;
  }

  const module = new (require('node:module') as typeof import('node:module'))(path);
  module.filename = path;
  module.loaded = true;
  module.exports = parseSax;
  require.cache[path] = module;
}
