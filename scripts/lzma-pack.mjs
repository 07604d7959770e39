// Packs bytes for www/lzma.js: one byte of properties, the size as u32 little-endian, then
// a raw LZMA1 stream from xz (Debian's xz-utils; scripts/setup installs it). Deterministic:
// xz with one thread writes the same stream for the same input and options.
import { spawnSync } from "node:child_process";

// lc=3 literal context bits, no literal position bits, pb=0: wasm is a byte stream, not
// aligned words, and pb=0 measured some 200 bytes smaller than xz's default pb=2.
export const LC = 3;
export const LP = 0;
export const PB = 0;

export function packLzma(bytes, options = `preset=9e,lc=${LC},lp=${LP},pb=${PB},nice=273`) {
  const run = spawnSync("xz", ["--format=raw", "--threads=1", `--lzma1=${options}`, "-c"], {
    input: bytes,
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(`xz failed: ${run.error || run.stderr}`);
  const [, lc, lp, pb] = /lc=(\d),lp=(\d),pb=(\d)/.exec(options).map(Number);
  const head = Buffer.alloc(5);
  head[0] = lc + 9 * lp + 45 * pb;
  head.writeUInt32LE(bytes.length, 1);
  return Buffer.concat([head, run.stdout]);
}
