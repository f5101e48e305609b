/** About what a TCP window carries: few enough writes, small enough to start at once. */
export const CHUNK_BYTES = 64 * 1024;

/**
 * An output written byte by byte into 64 KiB buffers, handed on as each fills: the byte-level
 * rewrite of an export writes its cells here without making a string per cell or a write per
 * row. `hand` receives each full buffer (and the last, partial one at `flush`).
 */
export class ByteChunks {
  /** The chunk being written; a caller that made room (`room`) may write up to that many bytes at `pos` itself. */
  buf = Buffer.allocUnsafe(CHUNK_BYTES);
  pos = 0;
  private handedOn = 0;

  constructor(private readonly hand: (chunk: Buffer) => void) {}

  /** Bytes written so far, handed on or not. */
  get total(): number {
    return this.handedOn + this.pos;
  }

  private push(chunk: Buffer): void {
    this.handedOn += chunk.length;
    this.hand(chunk);
  }

  /** Makes room for `n` more bytes, handing on what is written once a chunk is full. */
  room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    if (this.pos > 0) this.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, n));
    this.pos = 0;
  }

  /** Hands on a chunk once it holds 64 KiB; called between rows. */
  settle(): void {
    if (this.pos >= CHUNK_BYTES - 1024) {
      this.push(this.buf.subarray(0, this.pos));
      this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
      this.pos = 0;
    }
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  /** Bytes `from`..`to` of `src`; short runs by hand, as a native copy costs more than it saves. */
  copy(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    this.room(n);
    if (n < 48) {
      const buf = this.buf;
      let p = this.pos;
      for (let i = from; i < to; i++) buf[p++] = src[i]!;
    } else this.buf.set(src.subarray(from, to), this.pos);
    this.pos += n;
  }

  /** A string as UTF-8. */
  text(value: string): void {
    this.room(value.length * 3);
    this.pos += this.buf.write(value, this.pos, "utf8");
  }

  flush(): void {
    if (this.pos > 0) this.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.pos = 0;
  }
}
