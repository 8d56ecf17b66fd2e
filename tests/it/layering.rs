//! The shape of `src/` (issue 12): imports only go down the layers, no two
//! modules of a layer import each other, and no file is too long.
//!
//! The layers, lowest first (also in the contributor guide):
//!
//! | tier | modules |
//! |------|---------|
//! | 0 | `model` (imports nothing of the crate), `text` |
//! | 1 | `load`, `collect`, `i18n`, `assets`, `output` |
//! | 2 | `observe`, `resolve`, `flow` |
//! | 3 | `gap` |
//! | 4 | `report` |
//! | 5 | `render`, `pack`, `interop`, `diff` |
//! | 6 | `app` |
//! | top | `main.rs`, `lib.rs` (declarations, the Error type, re-exports), `fuzz_checks` |
//!
//! An import is any `use crate::x…` or `crate::x::…` path in code (comments
//! and strings do not count), and `crate::Name` where `lib.rs` re-exports
//! `Name` from module `x`. Items defined in `lib.rs` itself (the Error
//! type) may be used by every module but `model`. To add a module, add it
//! to [`TIERS`] and to the table above.

use crate::source::{files, is_rust, lex, rel};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Tier of every top-level module. `TOP` modules may import anything and
/// nothing may import them.
const TIERS: &[(&str, u8)] = &[
    ("model", 0),
    ("text", 0),
    ("load", 1),
    ("collect", 1),
    ("i18n", 1),
    ("assets", 1),
    ("output", 1),
    ("observe", 2),
    ("resolve", 2),
    ("flow", 2),
    ("gap", 3),
    ("report", 4),
    ("render", 5),
    ("pack", 5),
    ("interop", 5),
    ("diff", 5),
    ("app", 6),
    ("main", TOP),
    ("lib", TOP),
    ("fuzz_checks", TOP),
];
const TOP: u8 = u8::MAX;

/// Longest file in src/ (lines, inline `#[cfg(test)]` modules not counted).
const MAX_LINES: usize = 600;
/// Longest main.rs.
const MAX_MAIN_LINES: usize = 150;

fn tier(module: &str) -> Option<u8> {
    TIERS.iter().find(|(m, _)| *m == module).map(|(_, t)| *t)
}

/// One import: from a file and line of module `from` to module `to`.
#[derive(Debug, Clone)]
struct Import {
    from: String,
    to: String,
    file: String,
    line: usize,
}

/// Which top-level module each file of src/ belongs to, following `mod`
/// declarations (and `#[path]`) from lib.rs and main.rs; files no
/// declaration reaches are placed by their first path component.
fn modules() -> BTreeMap<PathBuf, String> {
    let src = crate::common::root().join("src");
    let mut owner = BTreeMap::new();
    let mut todo: Vec<(PathBuf, String, bool)> = vec![
        (src.join("lib.rs"), "lib".into(), true),
        (src.join("main.rs"), "main".into(), true),
    ];
    while let Some((file, top, at_root)) = todo.pop() {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        if owner.insert(file.clone(), top.clone()).is_some() {
            continue;
        }
        let lexed = lex(&text);
        let dir = file.parent().expect("parent").to_path_buf();
        let stem = file
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let mod_rs = matches!(stem.as_str(), "mod" | "lib" | "main");
        let child_dir = if mod_rs { dir.clone() } else { dir.join(&stem) };
        for (name, path_attr) in mod_decls(&lexed) {
            let child = match path_attr {
                Some(p) => dir.join(p),
                None => {
                    let flat = child_dir.join(format!("{name}.rs"));
                    if flat.exists() {
                        flat
                    } else {
                        child_dir.join(&name).join("mod.rs")
                    }
                }
            };
            // Modules declared in lib.rs are the top-level modules.
            let child_top = if at_root && top == "lib" {
                name.clone()
            } else {
                top.clone()
            };
            todo.push((child, child_top, false));
        }
    }
    for f in files("src", is_rust) {
        owner.entry(f.clone()).or_insert_with(|| {
            let r = f.strip_prefix(&src).expect("in src");
            let first = r.components().next().expect("component");
            let first = first.as_os_str().to_string_lossy();
            first.trim_end_matches(".rs").to_string()
        });
    }
    owner
}

/// `mod name;` declarations of a lexed file with their `#[path = "…"]`.
fn mod_decls(l: &crate::source::Lexed) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let code = &l.code;
    let mut at = 0;
    while let Some(p) = code[at..].find("mod ") {
        let start = at + p;
        at = start + 4;
        let word_start = start == 0 || !is_ident(code[..start].chars().last().unwrap_or(' '));
        if !word_start {
            continue;
        }
        let rest = &code[start + 4..];
        let name: String = rest
            .trim_start()
            .chars()
            .take_while(|c| is_ident(*c))
            .collect();
        let after = rest.trim_start()[name.len()..].trim_start();
        if name.is_empty() || !after.starts_with(';') {
            continue;
        }
        // A #[path] attribute ends right before this declaration (with
        // perhaps `pub` and other attributes in between).
        let decl_line = l.line_of(start);
        let path_attr = l
            .literals
            .iter()
            .rev()
            .find(|x| {
                x.line + 3 >= decl_line
                    && x.line <= decl_line
                    && x.before.replace(' ', "").ends_with("#[path=")
            })
            .map(|x| x.text.clone());
        out.push((name, path_attr));
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Names that lib.rs re-exports (`pub use x::…::Name` or `{A, B}`), with
/// the module they come from; and names lib.rs defines itself.
fn root_names() -> (BTreeMap<String, String>, BTreeSet<String>) {
    let text = std::fs::read_to_string(crate::common::root().join("src/lib.rs")).expect("lib.rs");
    let code = lex(&text).code;
    let mut reexports = BTreeMap::new();
    let mut own = BTreeSet::new();
    for stmt in code.split(';') {
        let s = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(path) = s
            .split("pub use ")
            .nth(1)
            .map(|p| p.trim_start_matches("crate::").trim_start_matches("self::"))
        {
            let module = path.split("::").next().unwrap_or("").to_string();
            let names = path.rsplit("::").next().unwrap_or("");
            let names = names.trim_matches(|c| c == '{' || c == '}' || c == ' ');
            for n in names.split(',') {
                let n = n.split(" as ").last().unwrap_or("").trim();
                if !n.is_empty() {
                    reexports.insert(n.to_string(), module.clone());
                }
            }
            // `pub use app::{self, …}` style groups deeper in the path.
            if let Some(group) = path.split_once('{') {
                for n in group.1.trim_end_matches('}').split(',') {
                    let n = n
                        .split("::")
                        .last()
                        .unwrap_or("")
                        .split(" as ")
                        .last()
                        .unwrap_or("")
                        .trim();
                    if !n.is_empty() {
                        reexports.insert(n.to_string(), module.clone());
                    }
                }
            }
        }
        for kw in [
            "struct ", "enum ", "type ", "fn ", "trait ", "const ", "static ",
        ] {
            for part in s.split(kw).skip(1) {
                let n: String = part.chars().take_while(|c| is_ident(*c)).collect();
                if !n.is_empty() {
                    own.insert(n);
                }
            }
        }
    }
    (reexports, own)
}

/// Every `crate::…` import of every file of src/.
fn imports(owner: &BTreeMap<PathBuf, String>) -> Vec<Import> {
    let (reexports, own) = root_names();
    let mut out = Vec::new();
    for (file, from) in owner {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let l = lex(&text);
        let code = &l.code;
        let mut at = 0;
        while let Some(p) = code[at..].find("crate::") {
            let start = at + p;
            at = start + 7;
            let prev = code[..start].chars().last().unwrap_or(' ');
            if is_ident(prev) || prev == '$' {
                continue;
            }
            let firsts = first_segments(&code[start + 7..]);
            for name in firsts {
                if name.is_empty() || name == "self" {
                    continue;
                }
                let to = if tier(&name).is_some() || owner.values().any(|m| *m == name) {
                    name
                } else if let Some(m) = reexports.get(&name) {
                    m.clone()
                } else if own.contains(&name) {
                    "lib".to_string()
                } else {
                    name
                };
                out.push(Import {
                    from: from.clone(),
                    to,
                    file: crate::source::rel(file),
                    line: l.line_of(start),
                });
            }
        }
    }
    out
}

/// The modules named right after `crate::`: one name, or the first segment
/// of each entry of a `{…}` group (`crate::{a::b, c, d::{e, f}}` → a, c, d).
fn first_segments(rest: &str) -> Vec<String> {
    let Some(group) = rest.strip_prefix('{') else {
        return vec![rest.chars().take_while(|c| is_ident(*c)).collect()];
    };
    let mut entries = vec![String::new()];
    let mut depth = 0;
    for ch in group.chars() {
        match ch {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => entries.push(String::new()),
            _ if depth == 0 => entries.last_mut().expect("entry").push(ch),
            _ => {}
        }
    }
    entries
        .iter()
        .map(|e| e.trim().chars().take_while(|c| is_ident(*c)).collect())
        .collect()
}

/// The problems with the import order, one line each.
fn layering_problems() -> Vec<String> {
    let owner = modules();
    let all = imports(&owner);
    let mut problems = BTreeSet::new();
    let mut same_tier: BTreeMap<(String, String), &Import> = BTreeMap::new();
    for i in &all {
        if i.from == i.to || i.from == "main" || i.from == "lib" {
            continue;
        }
        let (Some(tf), Some(tt)) = (tier(&i.from), tier(&i.to)) else {
            for m in [&i.from, &i.to] {
                if tier(m).is_none() {
                    problems.insert(format!(
                        "{}:{}: module `{m}` has no tier: add it to TIERS in tests/it/layering.rs and to the contributor guide",
                        i.file, i.line
                    ));
                }
            }
            continue;
        };
        if i.from == "model" {
            problems.insert(format!(
                "{}:{}: `model` imports `{}`; model imports nothing of the crate",
                i.file, i.line, i.to
            ));
        } else if i.to == "lib" {
            // The Error type and other items defined in lib.rs: allowed.
        } else if tt > tf {
            let name = |t: u8| {
                if t == TOP {
                    "top".to_string()
                } else {
                    t.to_string()
                }
            };
            problems.insert(format!(
                "{}:{}: `{}` (tier {}) imports `{}` (tier {}), a higher layer",
                i.file,
                i.line,
                i.from,
                name(tf),
                i.to,
                name(tt)
            ));
        } else if tt == tf {
            same_tier.entry((i.from.clone(), i.to.clone())).or_insert(i);
        }
    }
    // Cycles among modules of one tier.
    for ((a, b), i) in &same_tier {
        if a < b {
            if let Some(back) = same_tier.get(&(b.clone(), a.clone())) {
                problems.insert(format!(
                    "{}:{}: `{a}` imports `{b}` and {}:{}: `{b}` imports `{a}` (same tier, a cycle)",
                    i.file, i.line, back.file, back.line
                ));
            }
        }
    }
    let mut longer = BTreeSet::new();
    for (a, _) in same_tier.keys() {
        if let Some(cycle) = cycle_from(a, &same_tier) {
            if cycle.len() > 2 {
                let mut key = cycle.clone();
                key.sort();
                if longer.insert(key) {
                    problems.insert(format!("same-tier import cycle: {}", cycle.join(" → ")));
                }
            }
        }
    }
    // In file and line order.
    let mut sorted: Vec<String> = problems.into_iter().collect();
    sorted.sort_by_key(|p| {
        let mut parts = p.splitn(3, ':');
        let file = parts.next().unwrap_or("").to_string();
        let line: usize = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
        (file, line)
    });
    sorted
}

/// A cycle through `start` in the same-tier graph, as module names.
fn cycle_from(start: &str, edges: &BTreeMap<(String, String), &Import>) -> Option<Vec<String>> {
    fn dfs(
        at: &str,
        start: &str,
        edges: &BTreeMap<(String, String), &Import>,
        path: &mut Vec<String>,
    ) -> bool {
        for (a, b) in edges.keys() {
            if a != at {
                continue;
            }
            if b == start {
                return true;
            }
            if !path.contains(b) {
                path.push(b.clone());
                if dfs(b, start, edges, path) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    dfs(start, start, edges, &mut path).then_some(path)
}

#[test]
fn imports_only_go_down_the_layers_of_issue_12() {
    let problems = layering_problems();
    assert!(
        problems.is_empty(),
        "{} import(s) break the layering (tests/it/layering.rs has the table):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Lines of a file, not counting inline `#[cfg(test)] mod … { … }` blocks.
fn counted_lines(text: &str) -> usize {
    let total = text.lines().count();
    let l = lex(text);
    let mut skipped = 0;
    let mut at = 0;
    while let Some(p) = l.code[at..].find("#[cfg(test)]") {
        let start = at + p;
        at = start + 12;
        let rest = &l.code[at..];
        let decl = rest.trim_start();
        let decl = decl.strip_prefix("pub ").unwrap_or(decl);
        if !decl.starts_with("mod ") {
            continue;
        }
        let Some(open) = rest.find(['{', ';']) else {
            continue;
        };
        if rest.as_bytes()[open] == b';' {
            continue;
        }
        let mut depth = 0;
        let mut end = None;
        for (k, ch) in rest[open..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(at + open + k);
                        break;
                    }
                }
                _ => {}
            }
        }
        if let Some(end) = end {
            skipped += l.line_of(end) - l.line_of(start) + 1;
            at = end;
        }
    }
    total - skipped
}

fn size_problems() -> Vec<String> {
    let mut problems = Vec::new();
    for f in files("src", is_rust) {
        let text = std::fs::read_to_string(&f).expect("read");
        let n = counted_lines(&text);
        let name = rel(&f);
        let limit = if name == "src/main.rs" {
            MAX_MAIN_LINES
        } else {
            MAX_LINES
        };
        if n > limit {
            problems.push(format!("{name}: {n} lines (limit {limit})"));
        }
    }
    problems
}

#[test]
fn no_source_file_is_over_600_lines_and_main_is_short() {
    let problems = size_problems();
    assert!(
        problems.is_empty(),
        "split these files (inline #[cfg(test)] modules are not counted; better, move tests to their own file):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checks_see_what_they_should() {
    // The layering reader finds the modules and some imports, so that an
    // empty list of problems means something.
    let owner = modules();
    for m in ["model", "load", "app", "main", "lib"] {
        assert!(owner.values().any(|x| x == m), "no files of `{m}` found");
    }
    let all = imports(&owner);
    assert!(
        all.iter().any(|i| i.from == "app" && i.to == "model"),
        "{all:#?}"
    );
    assert!(all.len() > 50, "only {} imports found", all.len());
    assert_eq!(first_segments("{a::b, c,\n d::{e, f}};"), ["a", "c", "d"]);
    assert_eq!(first_segments("g::h();"), ["g"]);
    let decls = mod_decls(&lex(
        "pub mod a;\n#[cfg(test)]\n#[path = \"b_tests.rs\"]\nmod tests;\nmod inline {}\n",
    ));
    assert_eq!(
        decls,
        [
            ("a".to_string(), None),
            ("tests".to_string(), Some("b_tests.rs".to_string()))
        ]
    );
    assert_eq!(
        counted_lines("fn a() {}\n#[cfg(test)]\nmod tests {\n    fn b() {}\n}\n"),
        1
    );
}
