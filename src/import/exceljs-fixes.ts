import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';

/** Both fixes below, in place before exceljs's streaming reader is first used. */
export function fixExcelStreamingReader(): void {
  decodeExcelXmlAsStream();
  endZipEntriesAfterTheLast();
}

/**
 * unzipper's Parse (0.10 to 0.12.5, which exceljs 4.4 reads workbooks with) emits 'end'
 * itself as soon as its input is used up, while the entries it has read ahead may still
 * wait in its readable buffer; exceljs stops at that 'end' and never sees them. With a
 * workbook whose last parts are small (exceljs and Excel write xl/workbook.xml last), a
 * reader slowed down (a loaded machine) found no xl/workbook.xml and called a sound file
 * damaged. Here Parse's own 'end' becomes the end of its readable side instead, so 'end'
 * comes after the last entry has been read. test/unit/xlsx-zip-end.test.ts reads such a
 * workbook with a slow consumer.
 */
function endZipEntriesAfterTheLast(): void {
  const require = createRequire(import.meta.url);
  const unzipper = require(require.resolve('unzipper', { paths: [require.resolve('exceljs')] })) as {
    Parse: ((options?: object) => Duplex) & { endsAfterEntries?: true };
  };
  if (unzipper.Parse.endsAfterEntries) return;
  const parse = unzipper.Parse;
  const endingAfterEntries = (options?: object): Duplex => {
    const stream = parse(options);
    const emit = stream.emit.bind(stream);
    stream.emit = (event: string | symbol, ...args: unknown[]): boolean => {
      const state = (stream as unknown as { _readableState: { ended: boolean; endEmitted: boolean } })._readableState;
      if (event === 'end' && !state.endEmitted) {
        if (!state.ended) stream.push(null); // 'end' follows once the entries read ahead are taken
        return true;
      }
      return emit(event, ...args);
    };
    return stream;
  };
  unzipper.Parse = Object.assign(endingAfterEntries, { endsAfterEntries: true as const });
}

/**
 * exceljs 4.4's streaming reader decodes each chunk of a sheet's XML on its own
 * (lib/utils/parse-sax.js): a character written in two or more bytes (é, ï, ç…) that
 * falls across two chunks becomes two U+FFFD, so one name in a few thousand comes out
 * garbled ("Zo�� Koné"). This puts in its place, before exceljs is first loaded, the same
 * parser with a streaming decoder, one per XML part, which keeps an incomplete character
 * for the next chunk. Run when src/import/xlsx.ts is loaded; test/integration/roster-import-xlsx.test.ts checks a
 * sheet long enough for characters to fall across chunks.
 */
function decodeExcelXmlAsStream(): void {
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
