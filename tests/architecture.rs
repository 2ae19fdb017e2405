//! The shape of the code, checked: imports between the modules directly under `src/` run one
//! way (no circle), the lower layers know nothing of the screens, and no file grows past the
//! size a reader can hold. Reads the sources; `ARCHITECTURE.md` explains the layers.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Longest a source file may be, in lines.
const MAX_LINES: usize = 500;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The modules directly under `src/` (not `lib` or `main`).
fn top_modules() -> BTreeSet<String> {
    rust_files(&src())
        .into_iter()
        .filter(|p| p.parent() == Some(&src()))
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .filter(|m| m != "lib" && m != "main")
        .collect()
}

/// The code of a file without its comments (a path named in a comment is no import).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names through `crate::`: plain paths
/// (`crate::model::Workbook`) and groups (`use crate::{privacy, screens::spec}`).
fn named_modules(code: &str) -> BTreeSet<String> {
    let word = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Only the first segment of each item of the group is a top-level module.
            let mut depth = 1;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        out.insert(word(&group[i..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.insert(word(rest));
        }
    }
    out
}

/// Who imports whom among the top-level modules (a module's folder counts as the module).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mods = top_modules();
    let mut graph = BTreeMap::new();
    for m in &mods {
        let mut files = vec![src().join(format!("{m}.rs"))];
        files.extend(rust_files(&src().join(m)));
        let mut deps = BTreeSet::new();
        for f in files {
            let text = fs::read_to_string(&f).unwrap_or_default();
            deps.extend(named_modules(&code(&text)));
        }
        deps.retain(|d| d != m && mods.contains(d));
        graph.insert(m.clone(), deps);
    }
    graph
}

/// A circle in `graph`, as the modules along it, if there is one.
fn find_circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(m.to_string(), 1);
        path.push(m.to_string());
        for d in graph.get(m).into_iter().flatten() {
            match state.get(d) {
                Some(1) => {
                    let start = path.iter().position(|p| p == d).unwrap_or(0);
                    let mut circle = path[start..].to_vec();
                    circle.push(d.clone());
                    return Some(circle);
                }
                Some(_) => {}
                None => {
                    if let Some(c) = visit(d, graph, state, path) {
                        return Some(c);
                    }
                }
            }
        }
        path.pop();
        state.insert(m.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        if !state.contains_key(m)
            && let Some(c) = visit(m, graph, &mut state, &mut Vec::new())
        {
            return Some(c);
        }
    }
    None
}

#[test]
fn imports_between_top_level_modules_run_one_way() {
    let graph = graph();
    assert!(graph.len() > 10, "the sources were found: {graph:?}");
    if let Some(circle) = find_circle(&graph) {
        panic!("import circle: {}", circle.join(" → "));
    }
}

#[test]
fn the_lower_layers_know_no_screen() {
    let graph = graph();
    let ui = [
        "app", "screens", "ui", "update", "input", "shell", "nav", "keys",
    ];
    for low in [
        "model",
        "merge",
        "store",
        "report",
        "import",
        "field",
        "lifecycle",
        "theme",
    ] {
        let deps = &graph[low];
        for d in ui {
            assert!(!deps.contains(d), "{low} imports {d}: {deps:?}");
        }
    }
    assert!(
        graph["model"].is_empty(),
        "model imports {:?}",
        graph["model"]
    );
    assert_eq!(
        graph["store"].iter().collect::<Vec<_>>(),
        ["model"],
        "the store knows only the model"
    );
}

#[test]
fn the_check_sees_grouped_imports_and_circles() {
    let found = named_modules("use crate::{app::App, privacy, screens::{self, spec}};");
    assert_eq!(
        found,
        ["app", "privacy", "screens"].map(String::from).into()
    );
    assert!(named_modules(&code("// see crate::ui")).is_empty());
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.insert("a".into(), ["b".to_string()].into());
    g.insert("b".into(), ["a".to_string()].into());
    assert_eq!(
        find_circle(&g),
        Some(vec!["a".into(), "b".into(), "a".into()])
    );
}

#[test]
fn no_source_file_is_too_long_to_read() {
    let long: Vec<String> = rust_files(&src())
        .into_iter()
        .filter_map(|p| {
            let n = fs::read_to_string(&p).ok()?.lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}
