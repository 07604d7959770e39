//! No leaks by construction, and the supply chain (issue 9), checked natively on every
//! `cargo test`: the web-sys features, the emitted glue (when built), links, where the JS
//! types may appear, no HTML injection sinks, committed lock files, crates.io-only sources.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every file under `dir` whose name ends with one of `exts`, recursively.
fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if exts
                .iter()
                .any(|x| p.to_string_lossy().ends_with(&format!(".{x}")))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn cargo_toml() -> toml::Table {
    toml::from_str(&read(&root().join("Cargo.toml"))).unwrap_or_else(|e| panic!("Cargo.toml: {e}"))
}

fn table<'a>(t: &'a toml::Table, key: &str) -> Option<&'a toml::Table> {
    t.get(key).and_then(toml::Value::as_table)
}

/// web-sys features that can reach the network, navigate, or open a channel out of the
/// page, by exact name or (ending in `*`) by prefix.
const FORBIDDEN_FEATURES: &[&str] = &[
    "Request*",
    "Response*",
    "Headers*",
    "Fetch*",
    "XmlHttpRequest*",
    "WebSocket*",
    "EventSource*",
    "Rtc*",
    "WebTransport*",
    "Navigator",
    "ServiceWorker*",
    "Worker*",
    "SharedWorker*",
    "BroadcastChannel",
    "MessageChannel",
    "Location",
    "History",
    "PushManager*",
    "Notification*",
    "HtmlFormElement",
    "HtmlIFrameElement",
    "HtmlImageElement",
    "HtmlScriptElement",
    "HtmlLinkElement",
    "HtmlObjectElement",
    "HtmlEmbedElement",
    "HtmlMediaElement",
    "HtmlAudioElement",
    "HtmlVideoElement",
    "Image",
    "CacheStorage",
    "Cache",
];

fn forbidden(feature: &str) -> Option<&'static str> {
    FORBIDDEN_FEATURES
        .iter()
        .copied()
        .find(|f| match f.strip_suffix('*') {
            Some(prefix) => feature.starts_with(prefix),
            None => feature == *f,
        })
}

#[test]
fn the_forbidden_list_matches_what_it_should() {
    assert_eq!(forbidden("Request"), Some("Request*"));
    assert_eq!(forbidden("RequestInit"), Some("Request*"));
    assert_eq!(forbidden("RtcPeerConnection"), Some("Rtc*"));
    assert_eq!(forbidden("Navigator"), Some("Navigator"));
    assert_eq!(forbidden("Window"), None);
    assert_eq!(forbidden("HtmlElement"), None);
    assert_eq!(forbidden("Document"), None);
}

#[test]
fn no_web_sys_feature_can_reach_the_network_or_navigate() {
    let manifest = cargo_toml();
    let mut found = Vec::new();
    let mut checked = 0;
    let targets = table(&manifest, "target").cloned().unwrap_or_default();
    let mut sections: Vec<&toml::Table> = vec![&manifest];
    sections.extend(targets.values().filter_map(toml::Value::as_table));
    for section in sections {
        for kind in ["dependencies", "dev-dependencies", "build-dependencies"] {
            let Some(deps) = table(section, kind) else {
                continue;
            };
            let Some(web_sys) = deps.get("web-sys") else {
                continue;
            };
            let features = web_sys
                .get("features")
                .and_then(toml::Value::as_array)
                .cloned()
                .unwrap_or_default();
            for f in features.iter().filter_map(toml::Value::as_str) {
                checked += 1;
                if let Some(rule) = forbidden(f) {
                    found.push(format!("{f} (forbidden: {rule})"));
                }
            }
        }
    }
    assert!(
        checked >= 5,
        "web-sys features not found in Cargo.toml ({checked})"
    );
    assert!(
        found.is_empty(),
        "network-capable web-sys features: {found:?}"
    );
}

/// The direct dependencies, each of which earns its place (ARCHITECTURE.md). Adding one
/// means adding it here, on purpose.
#[test]
fn direct_dependencies_are_the_known_few() {
    let allowed = [
        "serde",              // the report and the answers file
        "serde_json",         // the CLI's JSON (native only)
        "wasm-bindgen",       // the wasm boundary
        "js-sys",             // JS values at the boundary
        "web-sys",            // the widget's DOM
        "serde-wasm-bindgen", // the JS API's reports as plain objects (feature js-api)
        "talc",               // the wasm's allocator (src/lib.rs)
    ];
    let manifest = cargo_toml();
    let mut sections: Vec<toml::Table> = vec![manifest.clone()];
    if let Some(targets) = table(&manifest, "target") {
        sections.extend(targets.values().filter_map(|v| v.as_table().cloned()));
    }
    let mut unknown = Vec::new();
    for s in &sections {
        if let Some(deps) = table(s, "dependencies") {
            unknown.extend(
                deps.keys()
                    .filter(|k| !allowed.contains(&k.as_str()))
                    .cloned(),
            );
        }
    }
    assert!(unknown.is_empty(), "new direct dependencies: {unknown:?}");
}

/// Tokens that must not appear in the shipped JavaScript, with why.
const FORBIDDEN_JS: &[&str] = &[
    "fetch(",
    "XMLHttpRequest",
    "WebSocket",
    "EventSource",
    "sendBeacon",
    "RTCPeerConnection",
    "window.open",
    "location.assign",
    "location.href =",
    "location.replace",
    "eval(",
    "new Function",
    "importScripts",
    "innerHTML",
    "outerHTML",
    "insertAdjacentHTML",
    "document.write",
    // wasm-bindgen names each imported method `__wbg_<name>_<hash>`.
    "__wbg_fetch_",
    "__wbg_open_",
    "__wbg_sendBeacon_",
    "__wbg_assign_",
    "__wbg_set_href_",
    "__wbg_pushState_",
    "__wbg_replaceState_",
];

fn forbidden_js(text: &str) -> Vec<&'static str> {
    FORBIDDEN_JS
        .iter()
        .copied()
        .filter(|t| text.contains(t))
        .collect()
}

#[test]
fn the_forbidden_js_check_catches_the_wasm_bindgen_default_fetch() {
    // The glue's default init path, which the bundle never calls (terser drops it).
    assert_eq!(
        forbidden_js("module_or_path = fetch(module_or_path);"),
        vec!["fetch("]
    );
    assert!(forbidden_js("function __wbg_open_1a2b(a, b) {}").contains(&"__wbg_open_"));
    assert!(forbidden_js("el.textContent = x;").is_empty());
}

/// The built files, when present. `AC_REQUIRE_DIST=1` (scripts/test, after the build)
/// makes their absence a failure.
#[test]
fn the_emitted_javascript_has_no_network_navigation_or_eval() {
    let built = [
        root().join("dist/assurance-check.js"),
        root().join("dist/assurance-check.html"),
        root().join("pkg/assurance_check.js"),
    ];
    let require = std::env::var("AC_REQUIRE_DIST").is_ok_and(|v| v == "1");
    let mut seen = 0;
    for path in &built {
        if !path.exists() {
            assert!(
                !require,
                "{} is missing (AC_REQUIRE_DIST=1)",
                path.display()
            );
            continue;
        }
        seen += 1;
        let text = read(path);
        let mut found = forbidden_js(&text);
        // pkg/ is wasm-bindgen's raw output, whose default init path can fetch a URL (the
        // bundle boots through initSync instead); only that one use is tolerated there.
        if path.ends_with("pkg/assurance_check.js")
            && text.matches("fetch(").count() == 1
            && text.contains("module_or_path = fetch(module_or_path);")
        {
            found.retain(|t| *t != "fetch(");
        }
        assert!(found.is_empty(), "{}: {found:?}", path.display());
    }
    if require {
        assert_eq!(seen, built.len());
    }
}

#[test]
fn external_links_in_the_page_are_noreferrer_noopener_and_carry_nothing() {
    let mut links = 0;
    for page in files(&root().join("www"), &["html"]) {
        let html = read(&page);
        for (i, _) in html.match_indices("<a") {
            let Some(tag) = html.get(i..).and_then(|t| t.split('>').next()) else {
                continue;
            };
            if !tag.starts_with("<a ") && !tag.starts_with("<a\n") {
                continue;
            }
            let attr = |name: &str| {
                tag.split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .map(str::to_owned)
            };
            let href = attr("href").unwrap_or_default();
            if !(href.starts_with("http://")
                || href.starts_with("https://")
                || href.starts_with("//"))
            {
                continue;
            }
            links += 1;
            let rel = attr("rel").unwrap_or_default();
            let rel: Vec<&str> = rel.split_whitespace().collect();
            assert!(
                rel.contains(&"noreferrer") && rel.contains(&"noopener"),
                "{}: {tag}",
                page.display()
            );
            assert!(
                !href.contains('?') && !href.contains('#'),
                "{}: a link with a query or fragment: {href}",
                page.display()
            );
            assert!(
                href.starts_with("https://"),
                "{}: not https: {href}",
                page.display()
            );
        }
    }
    assert!(links >= 1, "no external links found in www/*.html");
}

fn rust_sources(dir: &str) -> Vec<PathBuf> {
    files(&root().join(dir), &["rs"])
}

/// The modules that touch JS values: the exports, the shared JS helpers (with the answers
/// file's text reader beside them) and the DOM adapter.
const BOUNDARY: [&str; 5] = [
    "src/js.rs",
    "src/js/text.rs",
    "src/js/vault.rs",
    "src/ui/dom.rs",
    "src/wasm.rs",
];

#[test]
fn only_the_boundary_modules_touch_js_values() {
    let all = rust_sources("src");
    assert!(all.len() > 10);
    let mut named: Vec<String> = all
        .iter()
        .filter(|p| {
            let text = read(p);
            text.contains("JsValue") || text.contains("js_sys")
        })
        .map(|p| p.strip_prefix(root()).unwrap_or(p).display().to_string())
        .collect();
    named.sort();
    assert_eq!(named, BOUNDARY.map(str::to_owned));
}

#[test]
fn the_widget_and_the_shared_helpers_never_reach_back_into_the_exports() {
    // `wasm` mounts `ui`; `ui` and `js` must not name `wasm`, and `js` (a leaf) not `ui`.
    for p in rust_sources("src/ui")
        .into_iter()
        .chain([root().join("src/js.rs")])
    {
        let text = read(&p);
        assert!(
            !text.contains("crate::wasm"),
            "{}: names crate::wasm",
            p.display()
        );
        if p.ends_with("js.rs") {
            assert!(
                !text.contains("crate::ui"),
                "{}: names crate::ui",
                p.display()
            );
        }
    }
}

#[test]
fn no_unsafe_code_and_no_home_made_allocator() {
    for p in rust_sources("src") {
        let text = read(&p);
        for token in ["unsafe ", "unsafe{", "GlobalAlloc"] {
            assert!(!text.contains(token), "{}: {token}", p.display());
        }
        if p.ends_with("src/lib.rs") {
            // The one global allocator is a crate's.
            assert!(text.contains("#[global_allocator]\nstatic ALLOCATOR: talc::"));
        } else {
            assert!(!text.contains("global_allocator"), "{}", p.display());
        }
    }
}

#[test]
fn the_core_knows_nothing_of_the_browser() {
    for dir in ["src/rules", "src/i18n", "src/report"] {
        let sources = rust_sources(dir);
        assert!(!sources.is_empty(), "{dir}");
        for p in sources {
            let text = read(&p);
            for token in ["wasm_bindgen", "js_sys", "web_sys"] {
                assert!(!text.contains(token), "{}: {token}", p.display());
            }
        }
    }
}

#[test]
fn no_html_injection_sinks_anywhere() {
    let mut checked = 0;
    for p in files(&root().join("src"), &["rs"])
        .into_iter()
        .chain(files(&root().join("www"), &["html", "js", "mjs", "css"]))
    {
        checked += 1;
        let text = read(&p);
        for sink in [
            "innerHTML",
            "inner_html",
            "outerHTML",
            "outer_html",
            "insertAdjacentHTML",
            "insert_adjacent_html",
            "document.write",
            "createContextualFragment",
            "srcdoc",
        ] {
            assert!(!text.contains(sink), "{}: {sink}", p.display());
        }
    }
    assert!(checked > 10);
}

#[test]
fn lock_files_are_committed() {
    let locks = ["Cargo.lock", "package-lock.json", "fuzz/Cargo.lock"];
    let in_git = Command::new("git")
        .args(["rev-parse", "--show-toplevel"])
        .current_dir(root())
        .output()
        .is_ok_and(|o| {
            o.status.success() && Path::new(String::from_utf8_lossy(&o.stdout).trim()) == root()
        });
    if !in_git {
        // A source archive, not a checkout: the lock files must at least be in it.
        for f in locks {
            assert!(root().join(f).is_file(), "{f} is missing");
        }
        return;
    }
    let out = Command::new("git")
        .args([
            "ls-files",
            "--",
            "Cargo.lock",
            "package-lock.json",
            "fuzz/Cargo.lock",
        ])
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("git: {e}"));
    assert!(out.status.success(), "git ls-files failed");
    let listed = String::from_utf8_lossy(&out.stdout);
    let listed: Vec<&str> = listed.lines().collect();
    for f in locks {
        assert!(listed.contains(&f), "{f} is not committed");
    }
}

#[test]
fn every_crate_comes_from_crates_io() {
    for lock in ["Cargo.lock", "fuzz/Cargo.lock"] {
        let text = read(&root().join(lock));
        let sources: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("source = "))
            .collect();
        assert!(sources.len() > 5, "{lock}");
        for s in sources {
            assert_eq!(
                s, "\"registry+https://github.com/rust-lang/crates.io-index\"",
                "{lock}"
            );
        }
        assert!(text.contains("checksum = "), "{lock}: no checksums");
    }
}

#[test]
fn npm_packages_are_pinned_with_integrity_hashes() {
    let text = read(&root().join("package-lock.json"));
    let lock: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("package-lock.json: {e}"));
    let packages = lock
        .get("packages")
        .and_then(serde_json::Value::as_object)
        .unwrap_or_else(|| panic!("package-lock.json has no packages"));
    let mut pinned = 0;
    for (name, p) in packages {
        if name.is_empty() || p.get("link").is_some() {
            continue; // the project itself, or a link
        }
        pinned += 1;
        let integrity = p.get("integrity").and_then(serde_json::Value::as_str);
        assert!(
            integrity.is_some_and(|i| i.starts_with("sha512-") || i.starts_with("sha1-")),
            "{name}: no integrity hash"
        );
        if let Some(url) = p.get("resolved").and_then(serde_json::Value::as_str) {
            assert!(
                url.starts_with("https://registry.npmjs.org/"),
                "{name}: {url}"
            );
        }
    }
    assert!(pinned > 0);
}
