//! The `assurance-check` command. All logic lives in the library's `cli` module.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = assurance_check::cli::run(
        &args,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(code);
}

/// The command line is native only; the wasm build uses the library.
#[cfg(target_arch = "wasm32")]
fn main() {}
