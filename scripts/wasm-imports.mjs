// Shortens the wasm's import and export names for the one-file artifacts (issue 8).
// wasm-bindgen names each import `__wbg_<method>_<16 hex digits>` and the glue repeats every
// name, so some 100 imports cost about 7 KB of names, a quarter of it after compression (the
// hashes do not compress). Both sides are renamed together: import i becomes `$<i in base
// 36>`, the module "./assurance_check_bg.js" becomes "$", and export i becomes `_<i in base
// 36>` (the glue reads exports as `wasm.<name>`).

import { IMPORT_MODULE as MODULE } from "./wasm-glue.mjs";

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder();
const name = (s) => [...leb(utf8.encode(s).length), ...utf8.encode(s)];

// Skips an import's description (function, table, memory, global or tag) and returns its end.
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0:
      return readLeb(bytes, at)[1];
    case 1:
      return limits(at + 1);
    case 2:
      return limits(at);
    case 3:
      return at + 2;
    case 4:
      return readLeb(bytes, at + 1)[1];
    default:
      throw new Error(`wasm-imports: unknown import kind ${kind}`);
  }
}

// The export section with export i named `_<i in base 36>`; `exported` gets the mapping.
function exportSection(bytes, body, exported) {
  let [count, p] = readLeb(bytes, body);
  const out = [...leb(count)];
  for (let i = 0; i < count; i += 1) {
    let length;
    [length, p] = readLeb(bytes, p);
    const long = text.decode(bytes.subarray(p, p + length));
    p += length;
    const kind = bytes[p];
    const [, indexEnd] = readLeb(bytes, p + 1);
    const short = `_${i.toString(36)}`;
    exported.set(long, short);
    out.push(...name(short), ...bytes.subarray(p, indexEnd));
    p = indexEnd;
    if (kind > 4) throw new Error(`wasm-imports: unknown export kind ${kind}`);
  }
  return Uint8Array.of(7, ...leb(out.length), ...out);
}

/** Returns the wasm with short import and export names, the glue that matches it, and the
 * import names' mapping. */
export function shortenImports(wasm, glue) {
  const bytes = Uint8Array.from(wasm);
  const parts = [bytes.subarray(0, 8)];
  const renamed = new Map();
  const exported = new Map();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readLeb(bytes, at + 1);
    const end = body + size;
    if (id === 7) {
      parts.push(exportSection(bytes, body, exported));
      at = end;
      continue;
    }
    if (id !== 2) {
      parts.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = readLeb(bytes, body);
    const out = [...leb(count)];
    for (let i = 0; i < count; i += 1) {
      let length;
      [length, p] = readLeb(bytes, p);
      const module = text.decode(bytes.subarray(p, p + length));
      p += length;
      [length, p] = readLeb(bytes, p);
      const field = text.decode(bytes.subarray(p, p + length));
      p += length;
      const descriptionEnd = skipDescription(bytes, p);
      if (module === MODULE) {
        const short = `$${renamed.size.toString(36)}`;
        if (!renamed.has(field)) renamed.set(field, short);
        out.push(...name("$"), ...name(renamed.get(field)));
      } else {
        out.push(...name(module), ...name(field));
      }
      out.push(...bytes.subarray(p, descriptionEnd));
      p = descriptionEnd;
    }
    parts.push(Uint8Array.of(2, ...leb(out.length), ...out));
    at = end;
  }

  let newGlue = glue.split(`"${MODULE}"`).join('"$"');
  for (const [long, short] of renamed) {
    const pattern = new RegExp(`\\b${long.replace(/\$/g, "\\$")}\\b`, "g");
    const uses = newGlue.match(pattern)?.length || 0;
    if (uses !== 1) throw new Error(`wasm-imports: ${long} appears ${uses} times in the glue, not once`);
    newGlue = newGlue.replace(pattern, () => `"${short}"`);
  }
  for (const [long, short] of exported) {
    const pattern = new RegExp(`\\bwasm\\.${long}\\b`, "g");
    newGlue = newGlue.replace(pattern, () => `wasm.${short}`);
  }
  // Every export the glue reads is renamed.
  for (const [, read] of newGlue.matchAll(/\bwasm\.([\w$]+)/g)) {
    if (!/^_[0-9a-z]+$/.test(read)) {
      throw new Error(`wasm-imports: the glue reads wasm.${read}, which the wasm does not export`);
    }
  }
  const total = parts.reduce((n, part) => n + part.length, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return { wasm: result, glue: newGlue, renamed };
}
