/**
 * Remembers on which line each key (matricule, e-mail) was first seen, in memory that
 * stays small on a million-row file: 12 bytes per key (a 64-bit hash and a line number
 * in typed arrays) where a Map of strings takes ten times that. Two different keys with
 * the same 64-bit hash would be taken for one: about one chance in 10^8 per million keys.
 */
export class LineIndex {
  private hashHigh: Int32Array;
  private hashLow: Int32Array;
  private lines: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1 << 14) {
    this.hashHigh = new Int32Array(initialCapacity);
    this.hashLow = new Int32Array(initialCapacity);
    this.lines = new Int32Array(initialCapacity); // 0 = empty slot (lines start at 1)
  }

  /** The line `key` was first seen on, or undefined after recording `line` for it. */
  firstLine(key: string, line: number): number | undefined {
    if ((this.count + 1) * 2 > this.lines.length) this.grow();
    const [high, low] = hash64(key);
    const mask = this.lines.length - 1;
    for (let slot = (high ^ low) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.lines[slot]!;
      if (stored === 0) {
        this.hashHigh[slot] = high;
        this.hashLow[slot] = low;
        this.lines[slot] = line;
        this.count += 1;
        return undefined;
      }
      if (this.hashHigh[slot] === high && this.hashLow[slot] === low) return stored;
    }
  }

  private grow(): void {
    const { hashHigh, hashLow, lines } = this;
    const capacity = lines.length * 2;
    this.hashHigh = new Int32Array(capacity);
    this.hashLow = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < lines.length; i += 1) {
      if (lines[i] === 0) continue;
      let slot = (hashHigh[i]! ^ hashLow[i]!) & mask;
      while (this.lines[slot] !== 0) slot = (slot + 1) & mask;
      this.hashHigh[slot] = hashHigh[i]!;
      this.hashLow[slot] = hashLow[i]!;
      this.lines[slot] = lines[i]!;
    }
  }
}

/** Two independent 32-bit FNV-1a hashes (different offset bases) of the key's UTF-16 units. */
function hash64(key: string): [number, number] {
  let high = 0x811c9dc5;
  let low = 0x050c5d1f;
  for (let i = 0; i < key.length; i += 1) {
    const unit = key.charCodeAt(i);
    high = Math.imul(high ^ unit, 0x01000193);
    low = Math.imul(low ^ unit, 0x01000193) ^ (low >>> 15);
  }
  return [high | 0, low | 0];
}
