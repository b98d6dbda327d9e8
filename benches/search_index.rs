//! Search at scale: builds the index of a generated corpus of 5,000 pages per language and
//! prints figures (a benchmark, not a test: nothing here fails on a number).
//!
//! ```sh
//! cargo bench --bench search_index            # 5,000 pages per language
//! SEARCH_BENCH_PAGES=1000 cargo bench --bench search_index
//! ```
//!
//! Prints the index build time and bytes per language, then, when `node` is on the PATH,
//! runs `tests/e2e/bench/search-queries.mjs` on the written index: the bytes a typical first
//! query loads (raw and gzip) and query times of the real query engine (`search.js`).
//!
//! The corpus is made from the words of the handbook's own pages (`content/en`, `content/hi`),
//! drawn with a skewed (Zipf-like) frequency by a fixed-seed generator, so every run builds the
//! same index and the Hindi pages have real Devanagari words, inflections and loanwords.

use std::path::{Path, PathBuf};
use std::time::Instant;

use handbook::search::index::{SearchDoc, build_index};

const DEFAULT_PAGES: usize = 5_000;
const TAGS: &[&str] = &[
    "feedback",
    "growth",
    "interviews",
    "networking",
    "skills",
    "self-care",
    "feelings",
    "organisation",
    "alternatives",
    "personal-brand",
];
const SECTIONS: &[&str] = &["stories", "guidance", "tips", "worksheets"];

/// A small deterministic generator (xorshift64*); no dependency, same corpus every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// An index in `0..n`, skewed towards small numbers like word frequencies.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as usize % n
    }
}

/// The distinct words of every Markdown file under `dir`, most frequent first.
fn vocabulary(dir: &Path) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    let files = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"));
    for e in files {
        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
        for w in text.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\u{94D}');
            if w.chars().any(char::is_alphabetic) && !w.contains(['[', ']', '(', ')']) {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.into_iter().map(|(w, _)| w).collect()
}

fn sentence(rng: &mut Rng, words: &[String], n: usize) -> String {
    (0..n)
        .map(|_| words[rng.zipf(words.len())].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn corpus(lang: &str, pages: usize, words: &[String], seed: u64) -> Vec<SearchDoc> {
    let mut rng = Rng(seed);
    (0..pages)
        .map(|i| {
            let section = SECTIONS[i % SECTIONS.len()];
            let tags: Vec<String> = (0..1 + rng.next() % 3)
                .map(|_| TAGS[(rng.next() % TAGS.len() as u64) as usize].to_string())
                .collect();
            let body_words = 150 + (rng.next() % 700) as usize;
            let title_words = 3 + (rng.next() % 5) as usize;
            let summary_words = 15 + (rng.next() % 15) as usize;
            SearchDoc {
                url: format!("{lang}/{section}/page-{i}/"),
                title: sentence(&mut rng, words, title_words),
                section: section.to_string(),
                summary: sentence(&mut rng, words, summary_words),
                tags: tags.clone(),
                tag_slugs: tags,
                slug: format!("page-{i}"),
                body: sentence(&mut rng, words, body_words),
                lang: lang.to_string(),
                translation: Some((
                    format!(
                        "{}/{section}/page-{i}/",
                        if lang == "en" { "hi" } else { "en" }
                    ),
                    format!("page {i}"),
                )),
                translation_doc: None,
            }
        })
        .collect()
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pages: usize = std::env::var("SEARCH_BENCH_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_PAGES);
    let out = root.join("target").join("search-bench");
    let _ = std::fs::remove_dir_all(&out);
    println!("search index benchmark: {pages} generated pages per language");
    for (lang, seed) in [("en", 7), ("hi", 11)] {
        let words = vocabulary(&root.join("content").join(lang));
        let docs = corpus(lang, pages, &words, seed);
        let text_bytes: usize = docs
            .iter()
            .map(|d| d.title.len() + d.summary.len() + d.body.len())
            .sum();
        let start = Instant::now();
        let files = build_index(lang, &docs);
        let took = start.elapsed();
        let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
        for f in &files {
            let path = out.join(&f.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("create the benchmark output folder");
            }
            std::fs::write(&path, &f.bytes).expect("write an index file");
        }
        println!(
            "{lang}: {} distinct words, {:.1} MB of text; index built in {:.2} s: {} files, {:.1} MB ({:.0} bytes per page)",
            words.len(),
            text_bytes as f64 / 1e6,
            took.as_secs_f64(),
            files.len(),
            bytes as f64 / 1e6,
            bytes as f64 / pages as f64
        );
    }
    let script = root.join("tests/e2e/bench/search-queries.mjs");
    match std::process::Command::new("node")
        .arg(&script)
        .arg(&out)
        .status()
    {
        Ok(status) if status.success() => {}
        Ok(status) => println!("{} failed: {status}", script.display()),
        Err(e) => {
            println!("node not available ({e}): first-query bytes and query times not measured")
        }
    }
}
