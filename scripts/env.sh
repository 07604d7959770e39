# scripts/env.sh: source it (`. "$(dirname "$0")/env.sh"`); scripts/setup must have run.
#
#   ROOT            repo root (absolute)
#   AC_CACHE        setup's cache dir; $AC_CACHE/wasm-path holds the wasm32 route
#   WASM_ROUTE      "rustup" or "debian" ("" if setup has not run)
#   CHROMEDRIVER    /usr/bin/chromedriver   (read by wasm-bindgen-test-runner)
#   AC_GECKODRIVER  path of geckodriver, "" if not installed (then skip Firefox wasm tests).
#                   Deliberately NOT exported as GECKODRIVER: wasm-bindgen-test-runner prefers
#                   GECKODRIVER over CHROMEDRIVER, so it would turn `--chrome` runs into Firefox.
#                   wasm-pack finds geckodriver on PATH by itself; for a bare `cargo test
#                   --target wasm32-unknown-unknown` use GECKODRIVER="$AC_GECKODRIVER".
#   CHROMIUM        /usr/bin/chromium        (executablePath for playwright-core/puppeteer-core)
#   FIREFOX         /usr/bin/firefox-esr     (for puppeteer-core with browser: 'firefox')
#   PATH            ~/.cargo/bin and $ROOT/node_modules/.bin (npx-free wasm-opt) prepended;
#                   native cargo (fmt, clippy, test) is rustup's toolchain.
#   wasm_env        exports PATH so cargo/rustc are the wasm32-capable toolchain. It changes
#                   the current shell, so call it in a subshell: ( wasm_env; wasm-pack build ... )
#   wasm CMD...     runs one command that way: wasm wasm-pack test --headless --chrome --mode no-install
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AC_CACHE="${AC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/assurance-check}"
WASM_ROUTE="$(cat "$AC_CACHE/wasm-path" 2>/dev/null || true)"
PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
FIREFOX="${FIREFOX:-/usr/bin/firefox-esr}"
AC_GECKODRIVER="$(command -v geckodriver 2>/dev/null || true)"
export ROOT AC_CACHE WASM_ROUTE PATH CHROMEDRIVER CHROMIUM FIREFOX AC_GECKODRIVER

wasm_env() {
  case "$WASM_ROUTE" in
    # Debian's rustc/cargo (with the locally built wasm32 std) before rustup's proxies.
    debian) export PATH="/usr/bin:$HOME/.cargo/bin:$PATH" ;;
    rustup) ;;
    *) echo "env.sh: no wasm32 toolchain recorded; run scripts/setup" >&2; return 1 ;;
  esac
}
wasm() { ( wasm_env && "$@" ); }
