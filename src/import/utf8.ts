import { isUtf8 } from 'node:buffer';

/**
 * UTF-8 decoding that keeps track of the bytes that are not UTF-8. TextDecoder turns each
 * into U+FFFD, which a file may also hold as a real character (one lost before the file
 * was written): the two could not be told apart. Here an invalid byte becomes a lone
 * surrogate, U+DC00 + the byte (Python's "surrogateescape"), which no valid UTF-8 can
 * give, so the row holding it is rejected naming the byte. Written out (the rejects
 * file), a lone surrogate becomes U+FFFD.
 */
export class Utf8Decoder {
  private carry: Buffer = Buffer.alloc(0);
  private started = false;
  private readonly valid = new TextDecoder('utf-8', { ignoreBOM: true });

  decode(chunk: Buffer, final = false): string {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const complete = final ? bytes : trimIncompleteUtf8(bytes);
    let text: string;
    if (isUtf8(complete)) {
      text = this.valid.decode(complete);
      this.carry = bytes.subarray(complete.length);
    } else {
      let runStart = 0;
      let position = 0;
      text = '';
      while (position < bytes.length) {
        const length = sequenceLength(bytes, position);
        if (length > 0) {
          position += length;
          continue;
        }
        if (length < 0 && !final) break; // the rest comes with the next chunk
        text += this.valid.decode(bytes.subarray(runStart, position)) + escapedByte(bytes[position]!);
        position += 1;
        runStart = position;
      }
      text += this.valid.decode(bytes.subarray(runStart, position));
      this.carry = bytes.subarray(position);
    }
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }
}

/** The bytes that were not UTF-8 in text from Utf8Decoder, in order. */
export function escapedBytes(text: string): number[] {
  return [...text.matchAll(/[\uDC80-\uDCFF]/g)].map((match) => match[0].charCodeAt(0) - 0xdc00);
}

function escapedByte(byte: number): string {
  return String.fromCharCode(0xdc00 + byte);
}

/** Counts of a byte stream: characters of two bytes or more that are valid UTF-8, bytes that are not. */
export class Utf8Tally {
  multiByte = 0;
  invalid = 0;
  private carry: Buffer = Buffer.alloc(0);

  add(chunk: Buffer, final = false): void {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    let position = 0;
    while (position < bytes.length) {
      const length = sequenceLength(bytes, position);
      if (length < 0 && !final) break;
      if (length > 1) this.multiByte += 1;
      else if (length <= 0) this.invalid += 1;
      position += Math.max(1, length);
    }
    this.carry = bytes.subarray(position);
  }
}

/**
 * The length of the valid UTF-8 sequence at `position` (1 to 4), 0 if the byte there
 * cannot start one, -1 if the bytes end before a sequence that is valid so far does.
 */
function sequenceLength(bytes: Buffer, position: number): number {
  const lead = bytes[position]!;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f; // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let i = 1; i < length; i += 1) {
    if (position + i >= bytes.length) return -1;
    const byte = bytes[position + i]!;
    if (byte < (i === 1 ? low : 0x80) || byte > (i === 1 ? high : 0xbf)) return 0;
  }
  return length;
}

/** Cuts a multi-byte UTF-8 sequence split by the end of the buffer. */
export function trimIncompleteUtf8(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const expected = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return expected > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}
