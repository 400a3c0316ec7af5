/**
 * Remembers on which line each key (matricule, e-mail) was first seen, in memory that
 * stays small on a million-row file: 12 bytes a slot (a 64-bit hash and a line number,
 * in typed arrays) at three quarters full, where a Map of strings takes ten times that.
 * Sized once from the expected number of rows, so it does not grow (and briefly double)
 * midway. Two keys with the same 64-bit hash would be taken for one: about one chance
 * in 10^8 per million keys.
 */
export class LineIndex {
  private hashHigh: Int32Array;
  private hashLow: Int32Array;
  private lines: Int32Array; // 0 = empty slot (lines start at 1)
  private count = 0;

  constructor(expectedKeys = 10_000) {
    const capacity = Math.max(1024, Math.ceil(expectedKeys / LOAD));
    this.hashHigh = new Int32Array(capacity);
    this.hashLow = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
  }

  /** The line `key` was first seen on, or undefined after recording `line` for it. */
  firstLine(key: string, line: number): number | undefined {
    if (this.count + 1 > this.lines.length * LOAD) this.resize(this.lines.length * 2);
    const [high, low] = hash64(key);
    const capacity = this.lines.length;
    for (let slot = (high >>> 0) % capacity; ; slot = slot + 1 === capacity ? 0 : slot + 1) {
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

  private resize(capacity: number): void {
    const { hashHigh, hashLow, lines } = this;
    this.hashHigh = new Int32Array(capacity);
    this.hashLow = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    for (let i = 0; i < lines.length; i += 1) {
      if (lines[i] === 0) continue;
      let slot = (hashHigh[i]! >>> 0) % capacity;
      while (this.lines[slot] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1;
      this.hashHigh[slot] = hashHigh[i]!;
      this.hashLow[slot] = hashLow[i]!;
      this.lines[slot] = lines[i]!;
    }
  }
}

const LOAD = 0.75;

/** Two independent 32-bit hashes (FNV-1a, and FNV-1a with a different basis and mixing). */
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
