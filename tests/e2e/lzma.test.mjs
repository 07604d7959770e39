// The shim's LZMA decoder (www/lzma.js) against xz's encoder (scripts/lzma-pack.mjs): what
// xz packs, the decoder gives back byte for byte, and a damaged stream is refused, not
// decoded past its end.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unlzma } from "../../www/lzma.js";
import { packLzma } from "../../scripts/lzma-pack.mjs";
import { ROOT } from "./helpers.mjs";

// A deterministic pseudo-random source, so a failure can be reproduced.
function bytes(length, seed) {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const INPUTS = {
  "the shipped wasm": () => readFileSync(join(ROOT, "pkg", "assurance_check_bg.wasm")),
  "random bytes (no matches)": () => bytes(70000, 7),
  "repetitive text (long matches, repeated distances)": () =>
    Buffer.from("diplomatic assurances; ".repeat(3000) + "abcabcabd".repeat(5000)),
  "a mix of runs and noise": () => Buffer.concat([bytes(5000, 1), Buffer.alloc(20000, 0x61), bytes(5000, 1)]),
  "one byte": () => Buffer.from("x"),
  "nothing": () => Buffer.alloc(0),
};

// The bundle's options, and others that move the literal and position contexts.
const OPTIONS = [
  undefined,
  "preset=6,lc=0,lp=2,pb=2",
  "preset=9e,lc=4,lp=0,pb=4",
  "preset=1,lc=1,lp=1,pb=1",
];

for (const [name, make] of Object.entries(INPUTS)) {
  test(`xz's LZMA decodes back to the input: ${name}`, () => {
    const input = make();
    for (const options of OPTIONS) {
      const out = unlzma(packLzma(input, options));
      assert.equal(out.length, input.length, `length with ${options || "the bundle's options"}`);
      assert.ok(Buffer.from(out).equals(input), `bytes with ${options || "the bundle's options"}`);
    }
  });
}

test("a truncated stream throws instead of reading past its end", () => {
  const packed = packLzma(readFileSync(join(ROOT, "pkg", "assurance_check_bg.wasm")));
  // (The last few bytes hold only the end marker, which a decoder that knows the size need
  // not read.)
  for (const keep of [0, 3, 5, 6, 100, packed.length >> 1, packed.length - 16]) {
    assert.throws(() => unlzma(packed.subarray(0, keep)), /corrupt/, `kept ${keep} bytes`);
  }
});

test("damaged streams throw or decode to the stated size, and never hang", () => {
  const input = Buffer.from("diplomatic assurances; ".repeat(400));
  const packed = packLzma(input);
  for (let i = 5; i < packed.length; i += 1) {
    const damaged = Buffer.from(packed);
    damaged[i] ^= 0x5a;
    try {
      assert.equal(unlzma(damaged).length, input.length);
    } catch (error) {
      assert.match(String(error), /corrupt/);
    }
  }
  // Properties out of range, and a stream whose first byte is not zero.
  assert.throws(() => unlzma(Buffer.from([225, 1, 0, 0, 0, 0, 0, 0, 0, 0])), /corrupt/);
  const bad = Buffer.from(packed);
  bad[5] = 1;
  assert.throws(() => unlzma(bad), /corrupt/);
});
