// An LZMA (LZMA1) decoder, for the wasm inside the one-file artifacts (issue 8).
// Why: LZMA packs the wasm some 16% smaller than deflate, about 12 KB on the wire, and
// browsers decode only deflate natively. Written for this project from the published LZMA
// format; the bundler (scripts/bundle.mjs) encodes with xz and the tests decode its output.
//
// Input: one byte of properties (lc + 9 lp + 45 pb), the output size as u32 little-endian,
// then the range-coded stream. The whole output stays in memory, so it is the dictionary.
// A corrupt stream throws; it never reads past the input or writes past the output.
export function unlzma(input) {
  const fail = () => {
    throw new Error("assurance-check: the embedded wasm is corrupt");
  };
  const props = input[0];
  if (!(props < 225)) fail();
  const lc = props % 9;
  const lp = Math.floor(props / 9) % 5;
  const pb = Math.floor(props / 45);
  const size = (input[1] | (input[2] << 8) | (input[3] << 16) | (input[4] << 24)) >>> 0;
  const out = new Uint8Array(size);

  // The range decoder: the input position, then `range` and `code`.
  let at = 5;
  const next = () => (at < input.length ? input[at++] : fail());
  if (next() !== 0) fail();
  // `range` and `code` are unsigned 32-bit values. They live in a typed array, not in
  // variables the closures share: a number above 2^31 stored there would be boxed, and
  // boxing two numbers per bit made decoding several times slower.
  const rc = new Uint32Array(2);
  rc[0] = 0xffffffff;
  for (let i = 0; i < 4; i += 1) rc[1] = rc[1] * 256 + next();
  // One bit under the adaptive probability probs[i] (11-bit, starting at one half).
  const bit = (probs, i) => {
    const p = probs[i];
    let range = rc[0];
    let code = rc[1];
    const bound = (range >>> 11) * p;
    let b;
    if (code < bound) {
      range = bound;
      probs[i] = p + ((2048 - p) >> 5);
      b = 0;
    } else {
      range -= bound;
      code -= bound;
      probs[i] = p - (p >> 5);
      b = 1;
    }
    if (range < 0x1000000) {
      range *= 256;
      code = code * 256 + next();
    }
    rc[0] = range;
    rc[1] = code;
    return b;
  };
  // `count` bits at probability one half, most significant first.
  const direct = (count) => {
    let range = rc[0];
    let code = rc[1];
    let result = 0;
    for (let i = 0; i < count; i += 1) {
      range = range >>> 1;
      const b = code >= range ? 1 : 0;
      if (b) code -= range;
      if (range < 0x1000000) {
        range *= 256;
        code = code * 256 + next();
      }
      result = result * 2 + b;
    }
    rc[0] = range;
    rc[1] = code;
    return result;
  };
  // A `count`-bit number from a binary tree of probabilities at probs[base + 1 ...].
  const tree = (probs, base, count) => {
    let m = 1;
    for (let i = 0; i < count; i += 1) m = m * 2 + bit(probs, base + m);
    return m - (1 << count);
  };
  // The same tree read least significant bit first.
  const reverse = (probs, base, count) => {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < count; i += 1) {
      const b = bit(probs, base + m);
      m = m * 2 + b;
      symbol |= b << i;
    }
    return symbol;
  };

  const probs = (n) => new Uint16Array(n).fill(1024);
  const literals = probs(0x300 << (lc + lp));
  const isMatch = probs(192);
  const isRep = probs(12);
  const isRepG0 = probs(12);
  const isRepG1 = probs(12);
  const isRepG2 = probs(12);
  const isRep0Long = probs(192);
  const slots = probs(256);
  const special = probs(115);
  const align = probs(16);
  // A length coder: choice, choice 2, 16 low trees and 16 middle trees of 8, one high of 256.
  const lengths = () => probs(2 + 256 + 256 + 256);
  const matchLengths = lengths();
  const repLengths = lengths();
  const length = (p, posState) => {
    if (!bit(p, 0)) return tree(p, 2 + posState * 8 - 1, 3);
    if (!bit(p, 1)) return 8 + tree(p, 2 + 128 + posState * 8 - 1, 3);
    return 16 + tree(p, 2 + 256 - 1, 8);
  };

  let pos = 0;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  while (pos < size) {
    const posState = pos & pbMask;
    if (!bit(isMatch, (state << 4) + posState)) {
      const previous = pos > 0 ? out[pos - 1] : 0;
      const base = 0x300 * (((pos & lpMask) << lc) + (previous >> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        if (rep0 >= pos) fail();
        let matchByte = out[pos - rep0 - 1];
        while (symbol < 0x100) {
          const matchBit = (matchByte >> 7) & 1;
          matchByte <<= 1;
          const b = bit(literals, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | b;
          if (matchBit !== b) break;
        }
      }
      while (symbol < 0x100) symbol = (symbol << 1) | bit(literals, base + symbol);
      out[pos++] = symbol - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (!bit(isRep, state)) {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(matchLengths, posState);
      state = state < 7 ? 7 : 10;
      const slot = tree(slots, (Math.min(len, 3) << 6) - 1, 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const count = (slot >> 1) - 1;
        rep0 = (2 | (slot & 1)) * 2 ** count;
        if (slot < 14) {
          rep0 += reverse(special, rep0 - slot - 1, count);
        } else {
          rep0 += direct(count - 4) * 16 + reverse(align, -1, 4);
          if (rep0 === 0xffffffff) break; // the end marker
        }
      }
    } else {
      if (!bit(isRepG0, state)) {
        if (!bit(isRep0Long, (state << 4) + posState)) {
          if (rep0 >= pos) fail();
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos += 1;
          continue;
        }
      } else {
        let distance;
        if (!bit(isRepG1, state)) {
          distance = rep1;
        } else {
          if (!bit(isRepG2, state)) {
            distance = rep2;
          } else {
            distance = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = distance;
      }
      len = length(repLengths, posState);
      state = state < 7 ? 8 : 11;
    }
    len += 2;
    if (rep0 >= pos || len > size - pos) fail();
    for (; len > 0; len -= 1, pos += 1) out[pos] = out[pos - rep0 - 1];
  }
  if (pos !== size) fail();
  return out;
}
