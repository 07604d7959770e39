// The sealed Keep of the one-file pages (issue 16, item 1): the answers file is kept in
// localStorage only as AES-GCM-256 ciphertext, under a key derived from the user's passphrase
// with PBKDF2-SHA-256 (600,000 iterations, a random 16-byte salt), with a fresh random
// 12-byte IV on every seal. WebCrypto only. The Rust side (src/js/vault.rs) imports these
// functions; scripts/bundle.mjs inlines this module into the pages' one module, where they are
// module-scoped (no global a host or another file could call or replace).
// The stored envelope: {"v":1,"salt":b64,"iv":b64,"data":b64}. The passphrase is never stored;
// the derived key is not extractable and lives in memory only.

const ITERATIONS = 600000;
const encode = (text) => new TextEncoder().encode(text);

function b64(bytes) {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s);
}

const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(passphrase, salt) {
  const subtle = crypto.subtle;
  const base = await subtle.importKey("raw", encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  const key = await subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: ITERATIONS },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
  return { key, salt };
}

// Each function calls `done` once: with its result, or with nothing if anything failed.
const settle = (promise, done) => promise.then(done, () => done());

/** A new vault (key and salt) for `passphrase`. */
export const vaultNew = (passphrase, done) => settle(derive(passphrase, crypto.getRandomValues(new Uint8Array(16))), done);

/** `text` sealed in the vault, as the envelope's JSON text. */
export const vaultSeal = (vault, text, done) =>
  settle(
    (async () => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, vault.key, encode(text));
      return JSON.stringify({ v: 1, salt: b64(vault.salt), iv: b64(iv), data: b64(data) });
    })(),
    done,
  );

/** `[vault, text]` from an envelope and its passphrase; nothing for a wrong passphrase or a
 * changed envelope (AES-GCM's tag), or one that does not parse. */
export const vaultOpen = (passphrase, sealed, done) =>
  settle(
    (async () => {
      const e = JSON.parse(sealed);
      const [salt, iv, data] = [e.salt, e.iv, e.data].map(unb64);
      if (e.v !== 1 || salt.length !== 16 || iv.length !== 12) throw 0;
      const vault = await derive(passphrase, salt);
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv }, vault.key, data);
      return [vault, new TextDecoder().decode(plain)];
    })(),
    done,
  );
