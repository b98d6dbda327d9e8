//! A deterministic benchmark corpus: a bilingual site in the handbook's layout, as large as
//! asked, that builds and checks without errors or warnings.
//!
//! ```sh
//! cargo run --release --example corpus -- --pages-per-lang 5000 --out target/corpus/5000
//! ```
//!
//! Every language gets `--pages-per-lang` pages: `_index.md`, `about.md` and entries spread over
//! the four sections (tips 40 %, stories 25 %, guidance 20 %, worksheets 15 %). Every entry
//! exists in both languages under the same path, with the same structure: the Hindi page is a
//! sentence-by-sentence rendering of the English one, in Devanagari with nukta, conjuncts and
//! the English loanwords Hindi job seekers write (इंटरव्यू, फ़ीडबैक, रिज़्यूमे). Pages have
//! about 900 words of Markdown: headings, paragraphs, emphasis, lists, tables, quotes and
//! relative `.md` links to other pages, some with `#anchors` that exist on the target.
//! Worksheets use the worksheet blocks. Front matter carries tags from a fixed vocabulary,
//! declared in `i18n/<lang>/tags.ftl`.
//!
//! Same `--seed` and page count → the same bytes: every page draws from its own generator,
//! seeded by (seed, page number, purpose), so a page never depends on the order pages are
//! written in. The generator uses only the standard library; its PRNG is SplitMix64.
//!
//! The output folder is replaced on every run, but only if it is empty or holds a corpus made
//! here (marked with `.handbook-corpus`).
//!
//! `--hugo DIR` also writes the same pages as a Hugo site (`corpus/hugo.rs` says what its
//! templates render), for the side-by-side figures of `scripts/bench`.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

#[path = "corpus/hugo.rs"]
mod hugo;
pub use hugo::write_hugo_site;

fn main() {
    if let Err(e) = run() {
        eprintln!("corpus: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut pages_per_lang: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut hugo: Option<PathBuf> = None;
    let mut seed = DEFAULT_SEED;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--pages-per-lang" => {
                let v = value("--pages-per-lang")?;
                pages_per_lang = Some(v.parse().map_err(|_| format!("bad page count `{v}`"))?);
            }
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--hugo" => hugo = Some(PathBuf::from(value("--hugo")?)),
            "--seed" => {
                let v = value("--seed")?;
                seed = v.parse().map_err(|_| format!("bad seed `{v}`"))?;
            }
            "-h" | "--help" => {
                println!(
                    "usage: corpus --pages-per-lang N --out DIR [--seed S] [--hugo DIR]\n\
                     Writes a bilingual handbook site with N pages per language (N >= {MIN_PAGES}),\n\
                     and with --hugo the same pages as a Hugo site."
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    let n = pages_per_lang.ok_or("--pages-per-lang N is required")?;
    let out = out.ok_or("--out DIR is required")?;
    let start = std::time::Instant::now();
    let opts = Options {
        pages_per_lang: n,
        seed,
    };
    let stats =
        write_corpus(&opts, &out).map_err(|e| format!("cannot write `{}`: {e}", out.display()))?;
    if let Some(dir) = &hugo {
        write_hugo_site(&opts, dir)
            .map_err(|e| format!("cannot write `{}`: {e}", dir.display()))?;
    }
    println!(
        "Wrote {} pages ({} per language, seed {seed}) into {} in {:.1} s: {:.1} MB of Markdown, about {} words per page",
        stats.pages,
        n,
        out.display(),
        start.elapsed().as_secs_f64(),
        stats.bytes as f64 / 1_048_576.0,
        stats.words / stats.pages.max(1),
    );
    if let Some(dir) = &hugo {
        println!("Wrote the same pages as a Hugo site into {}", dir.display());
    }
    Ok(())
}

pub const DEFAULT_SEED: u64 = 1;
/// Home, about, and one entry per section.
pub const MIN_PAGES: usize = 6;
const MARKER: &str = ".handbook-corpus";

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub pages_per_lang: usize,
    pub seed: u64,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub pages: usize,
    pub bytes: u64,
    pub words: usize,
}

/// Writes the whole site into `out` (replacing a corpus written there before).
pub fn write_corpus(opts: &Options, out: &Path) -> io::Result<Stats> {
    if opts.pages_per_lang < MIN_PAGES {
        return Err(io::Error::other(format!(
            "--pages-per-lang must be at least {MIN_PAGES}"
        )));
    }
    prepare(out)?;
    let files = site_files();
    for (rel, text) in &files {
        write(out, rel, text)?;
    }
    write_pages(&Corpus::new(*opts), out)
}

/// Writes every page of both languages under `out/content/`. Pages are independent, so
/// threads take every k-th page; the bytes do not depend on it.
fn write_pages(corpus: &Corpus, out: &Path) -> io::Result<Stats> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let totals: Vec<io::Result<Stats>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                s.spawn(move || {
                    let mut stats = Stats::default();
                    for page in (t..corpus.pages_per_lang).step_by(threads) {
                        for lang in [Lang::En, Lang::Hi] {
                            let (rel, text) = corpus.page_file(lang, page);
                            write(out, &rel, &text)?;
                            stats.pages += 1;
                            stats.bytes += text.len() as u64;
                            stats.words += text.split_whitespace().count();
                        }
                    }
                    Ok(stats)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(io::Error::other("a writer thread panicked")))
            })
            .collect()
    });
    let mut stats = Stats::default();
    for t in totals {
        let t = t?;
        stats.pages += t.pages;
        stats.bytes += t.bytes;
        stats.words += t.words;
    }
    Ok(stats)
}

/// Empties `out` if it holds an earlier corpus; refuses any other non-empty folder.
fn prepare(out: &Path) -> io::Result<()> {
    if out.exists() {
        let empty = std::fs::read_dir(out)?.next().is_none();
        if !empty && !out.join(MARKER).is_file() {
            return Err(io::Error::other(
                "the folder is not empty and holds no corpus written by this generator",
            ));
        }
        for entry in std::fs::read_dir(out)? {
            let path = entry?.path();
            if path.is_dir() {
                std::fs::remove_dir_all(&path)?;
            } else {
                std::fs::remove_file(&path)?;
            }
        }
    }
    std::fs::create_dir_all(out)?;
    std::fs::write(
        out.join(MARKER),
        "A benchmark corpus written by `cargo run --example corpus`; rewritten on every run.\n",
    )
}

fn write(out: &Path, rel: &str, text: &str) -> io::Result<()> {
    let path = out.join(rel);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}

/// `handbook.yaml`, `.gitignore` and the tag declarations.
fn site_files() -> Vec<(String, String)> {
    let config = "# A generated benchmark corpus (examples/corpus.rs).\n\
                  title:\n  en: Corpus handbook\n  hi: कॉर्पस हैंडबुक\n\
                  languages: [en, hi]\ndefault_language: en\nbase_url: /\n";
    let mut files = vec![
        ("handbook.yaml".to_string(), config.to_string()),
        (".gitignore".to_string(), "public/\n".to_string()),
    ];
    for lang in [Lang::En, Lang::Hi] {
        let mut ftl = String::from("# Tags of the generated corpus.\n");
        for tag in TAGS {
            let _ = write!(
                ftl,
                "\ntag-{} = {}\ntag-{}-description = {}\n",
                tag.slug, tag.name[lang as usize], tag.slug, tag.about[lang as usize]
            );
        }
        files.push((format!("i18n/{}/tags.ftl", lang.code()), ftl));
    }
    files
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En = 0,
    Hi = 1,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Hi => "hi",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Tips,
    Stories,
    Guidance,
    Worksheets,
}

impl Section {
    fn slug(self) -> &'static str {
        match self {
            Section::Tips => "tips",
            Section::Stories => "stories",
            Section::Guidance => "guidance",
            Section::Worksheets => "worksheets",
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast and good enough for text.
struct Rng(u64);

impl Rng {
    /// A generator for one purpose of one page, independent of every other.
    fn new(seed: u64, page: usize, purpose: u64) -> Rng {
        let mut r = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
        let a = r.next();
        let mut r = Rng(a ^ (page as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
        let b = r.next();
        Rng(b ^ purpose.wrapping_mul(0xA24B_AED4_963E_E407))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, lo: usize, hi_inclusive: usize) -> usize {
        lo + self.below(hi_inclusive - lo + 1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// Purposes of the per-page generators.
const P_LAYOUT: u64 = 1;
const P_TITLE: u64 = 2;
const P_HEADINGS: u64 = 3;
const P_BODY: u64 = 4;
const P_FRONT: u64 = 5;

/// Everything a page needs to know about another page (to link to it) is computed from the
/// other page's number alone, so pages can be written in any order.
struct Corpus {
    pages_per_lang: usize,
    /// Entries per language: all pages but `_index.md` and `about.md`.
    entries: usize,
    seed: u64,
}

/// Page numbers: 0 is `_index.md`, 1 is `about.md`, 2.. are entries.
const HOME: usize = 0;
const ABOUT: usize = 1;
const FIRST_ENTRY: usize = 2;

impl Corpus {
    fn new(opts: Options) -> Corpus {
        Corpus {
            pages_per_lang: opts.pages_per_lang,
            entries: opts.pages_per_lang - FIRST_ENTRY,
            seed: opts.seed,
        }
    }

    /// Sections repeat in a fixed pattern of 20 (8 tips, 5 stories, 4 guidance, 3 worksheets),
    /// so every section has pages even in a tiny corpus.
    fn section(&self, entry: usize) -> Section {
        const PATTERN: [Section; 20] = {
            use Section::*;
            [
                Tips, Stories, Guidance, Worksheets, Tips, Stories, Tips, Guidance, Tips, Stories,
                Worksheets, Tips, Guidance, Stories, Tips, Worksheets, Tips, Guidance, Stories,
                Tips,
            ]
        };
        PATTERN[entry % PATTERN.len()]
    }

    /// ASCII kebab-case, unique across sections (the number makes it so).
    fn slug(&self, entry: usize) -> String {
        let mut r = Rng::new(self.seed, entry, P_LAYOUT);
        format!(
            "{}-{}-{}",
            r.pick(SLUG_WORDS_A),
            r.pick(SLUG_WORDS_B),
            entry + 1
        )
    }

    fn rel(&self, lang: Lang, page: usize) -> String {
        match page {
            HOME => format!("content/{}/_index.md", lang.code()),
            ABOUT => format!("content/{}/about.md", lang.code()),
            p => {
                let e = p - FIRST_ENTRY;
                format!(
                    "content/{}/{}/{}.md",
                    lang.code(),
                    self.section(e).slug(),
                    self.slug(e)
                )
            }
        }
    }

    /// Indices into [`TOPICS`] of an entry's `##` headings, all different.
    fn headings(&self, entry: usize) -> Vec<usize> {
        let mut r = Rng::new(self.seed, entry, P_HEADINGS);
        let n = r.range(4, 6);
        let mut picked: Vec<usize> = Vec::with_capacity(n);
        while picked.len() < n {
            let t = r.below(TOPICS.len());
            if !picked.contains(&t) {
                picked.push(t);
            }
        }
        picked
    }

    fn title(&self, lang: Lang, entry: usize) -> String {
        let mut r = Rng::new(self.seed, entry, P_TITLE);
        let slots = Slots::draw(&mut r);
        let topic = TOPICS[self.headings(entry)[0]][lang as usize];
        let patterns: &[[&str; 2]] = match self.section(entry) {
            Section::Stories => STORY_TITLES,
            Section::Guidance => GUIDANCE_TITLES,
            Section::Tips => TIP_TITLES,
            Section::Worksheets => WORKSHEET_TITLES,
        };
        let pattern = r.pick(patterns)[lang as usize];
        slots.fill(lang, &pattern.replace("{topic}", topic))
    }

    /// A link to another entry as written in a page of `from_section`: relative path, maybe
    /// with an anchor of one of the target's headings.
    fn link_to(
        &self,
        lang: Lang,
        from_dir: Option<Section>,
        target: usize,
        anchor: bool,
    ) -> String {
        let path = format!("{}/{}.md", self.section(target).slug(), self.slug(target));
        let mut dest = match from_dir {
            Some(_) => format!("../{path}"),
            None => path,
        };
        if anchor {
            let headings = self.headings(target);
            let h = headings[target % headings.len()];
            dest.push('#');
            dest.push_str(&heading_id(TOPICS[h][lang as usize]));
        }
        format!("[{}]({dest})", self.title(lang, target))
    }

    fn page_file(&self, lang: Lang, page: usize) -> (String, String) {
        let text = match page {
            HOME => self.home(lang),
            ABOUT => self.about(lang),
            p => self.entry(lang, p - FIRST_ENTRY),
        };
        (self.rel(lang, page), text)
    }

    fn home(&self, lang: Lang) -> String {
        let l = lang as usize;
        let mut s = front_matter(HOME_TEXT[0][l], HOME_TEXT[1][l]);
        let mut r = Rng::new(self.seed, usize::MAX, P_BODY);
        let mut w = Writer::new(lang, &mut r);
        w.paragraph(self, None, 5, 0);
        let mut list = String::new();
        for e in 0..self.entries.min(12) {
            let _ = writeln!(list, "- {}", self.link_to(lang, None, e, false));
        }
        w.out.push_str(&list);
        w.out.push('\n');
        w.paragraph(self, None, 4, 0);
        s.push_str(&w.out);
        s
    }

    fn about(&self, lang: Lang) -> String {
        let l = lang as usize;
        let mut s = front_matter(ABOUT_TEXT[0][l], ABOUT_TEXT[1][l]);
        let mut r = Rng::new(self.seed, usize::MAX - 1, P_BODY);
        let mut w = Writer::new(lang, &mut r);
        for _ in 0..4 {
            w.paragraph(self, None, 5, 0);
        }
        s.push_str(&w.out);
        s
    }

    fn entry(&self, lang: Lang, entry: usize) -> String {
        let l = lang as usize;
        let section = self.section(entry);
        let mut front = Rng::new(self.seed, entry, P_FRONT);
        let mut fm = String::from("---\n");
        let _ = writeln!(fm, "title: {}", yaml_str(&self.title(lang, entry)));
        let mut summary = String::new();
        {
            let slots = Slots::draw(&mut front);
            for i in 0..front.range(1, 2) {
                if i > 0 {
                    summary.push(' ');
                }
                summary.push_str(&slots.fill(lang, front.pick(SENTENCES)[l]));
            }
        }
        let _ = writeln!(fm, "summary: {}", yaml_str(&summary));
        let tag_count = match section {
            Section::Tips => front.range(1, 3),
            // A few pages carry many tags, as some contributors tag generously.
            _ if front.chance(4) => front.range(5, 8),
            _ => front.range(0, 4),
        };
        let mut tags: Vec<&str> = Vec::new();
        while tags.len() < tag_count {
            // Earlier tags in the list are used more, as on a real site.
            let i = front.below(TAGS.len()).min(front.below(TAGS.len()));
            if !tags.contains(&TAGS[i].slug) {
                tags.push(TAGS[i].slug);
            }
        }
        if !tags.is_empty() {
            let _ = writeln!(fm, "tags: [{}]", tags.join(", "));
        }
        if matches!(section, Section::Stories | Section::Guidance) || front.chance(30) {
            let _ = writeln!(
                fm,
                "date: {:04}-{:02}-{:02}",
                front.range(2018, 2025),
                front.range(1, 12),
                front.range(1, 28)
            );
        }
        if front.chance(25) {
            let _ = writeln!(fm, "weight: {}", front.range(1, 30));
        }
        if section == Section::Stories {
            if front.chance(15) {
                let _ = writeln!(
                    fm,
                    "source:\n  name: {}\n  url: https://example.org/reports/{}",
                    yaml_str(SOURCES[front.below(SOURCES.len())][l]),
                    entry + 1
                );
            } else if front.chance(30) {
                fm.push_str("illustrative: true\n");
            }
        }
        fm.push_str("---\n\n");

        let mut r = Rng::new(self.seed, entry, P_BODY);
        let mut w = Writer::new(lang, &mut r);
        if section == Section::Worksheets {
            w.worksheet(self, entry);
        } else {
            w.article(self, entry, section);
        }
        fm.push_str(&w.out);
        fm
    }
}

fn front_matter(title: &str, summary: &str) -> String {
    format!(
        "---\ntitle: {}\nsummary: {}\n---\n\n",
        yaml_str(title),
        yaml_str(summary)
    )
}

/// A double-quoted YAML scalar.
fn yaml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The id `handbook` gives a heading: lowercase, spaces and hyphens to one hyphen,
/// punctuation dropped, Devanagari kept (the pool has no other characters).
pub fn heading_id(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let devanagari =
            ('\u{0900}'..='\u{097F}').contains(&c) && !matches!(c, '\u{0964}' | '\u{0965}');
        if devanagari || c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-') && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The values that fill `{name}`, `{role}`, … in one sentence, the same in both languages.
struct Slots {
    name: usize,
    surname: Option<usize>,
    role: usize,
    company: [usize; 3],
    city: usize,
    skill: usize,
    weekday: usize,
    n: usize,
}

impl Slots {
    fn draw(r: &mut Rng) -> Slots {
        Slots {
            name: r.below(NAMES.len()),
            surname: r.chance(50).then(|| r.below(SURNAMES.len())),
            role: r.below(ROLES.len()),
            company: [
                r.below(SYLLABLES.len()),
                r.below(SYLLABLES.len()),
                r.below(COMPANY_KINDS.len()),
            ],
            city: r.below(CITIES.len()),
            skill: r.below(SKILLS.len()),
            weekday: r.below(WEEKDAYS.len()),
            n: r.range(2, 40),
        }
    }

    fn fill(&self, lang: Lang, template: &str) -> String {
        if !template.contains('{') {
            return template.to_string();
        }
        let l = lang as usize;
        let mut name = NAMES[self.name][l].to_string();
        if let Some(s) = self.surname {
            name.push(' ');
            name.push_str(SURNAMES[s][l]);
        }
        let [a, b, kind] = self.company;
        let mut company = String::new();
        company.push_str(SYLLABLES[a][l]);
        company.push_str(SYLLABLES[b][l]);
        if lang == Lang::En {
            company = capitalise(&company);
        }
        company.push(' ');
        company.push_str(COMPANY_KINDS[kind][l]);
        template
            .replace("{name}", &name)
            .replace("{role}", ROLES[self.role][l])
            .replace("{company}", &company)
            .replace("{city}", CITIES[self.city][l])
            .replace("{skill}", SKILLS[self.skill][l])
            .replace("{weekday}", WEEKDAYS[self.weekday][l])
            .replace("{n}", &self.n.to_string())
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Writes Markdown blocks. Both languages make the same draws from the generator, so the
/// Hindi page has the structure of the English one; length is counted in English words.
struct Writer<'r> {
    lang: Lang,
    r: &'r mut Rng,
    out: String,
    words: usize,
}

impl<'r> Writer<'r> {
    fn new(lang: Lang, r: &'r mut Rng) -> Writer<'r> {
        Writer {
            lang,
            r,
            out: String::new(),
            words: 0,
        }
    }

    fn l(&self) -> usize {
        self.lang as usize
    }

    fn sentence(&mut self) -> String {
        let pair = *self.r.pick(SENTENCES);
        let slots = Slots::draw(self.r);
        self.words += pair[0].split_whitespace().count();
        let s = slots.fill(self.lang, pair[self.l()]);
        match self.r.below(100) {
            0..=5 => format!("*{s}*"),
            6..=9 => format!("**{}** {s}", self.r.pick(LEADS)[self.l()]),
            _ => s,
        }
    }

    /// A paragraph of about `sentences` sentences; `links` of them link to other entries.
    fn paragraph(&mut self, c: &Corpus, from: Option<Section>, sentences: usize, links: usize) {
        let n = self
            .r
            .range(sentences.saturating_sub(1).max(1), sentences + 1);
        let mut parts: Vec<String> = (0..n).map(|_| self.sentence()).collect();
        for _ in 0..links {
            let target = self.r.below(c.entries);
            let anchor = self.r.chance(40);
            let link = c.link_to(self.lang, from, target, anchor);
            let template = self.r.pick(LINK_SENTENCES)[self.l()];
            self.words += 6;
            let at = self.r.below(parts.len() + 1);
            parts.insert(at, template.replace("{link}", &link));
        }
        self.out.push_str(&parts.join(" "));
        self.out.push_str("\n\n");
    }

    fn list(&mut self, ordered: bool) {
        let n = self.r.range(3, 6);
        for i in 0..n {
            let item = self.r.pick(LIST_ITEMS)[self.l()];
            self.words += 4;
            if ordered {
                let _ = writeln!(self.out, "{}. {item}", i + 1);
            } else {
                let _ = writeln!(self.out, "- {item}");
            }
        }
        self.out.push('\n');
    }

    fn table(&mut self) {
        let l = self.l();
        let head = TABLE_HEAD.map(|h| h[l]);
        let _ = writeln!(self.out, "| {} |", head.join(" | "));
        let _ = writeln!(self.out, "|---|---:|---:|---:|");
        for week in 1..=self.r.range(3, 6) {
            let applied = self.r.range(2, 15);
            let replies = self.r.below(applied + 1);
            let interviews = self.r.below(replies + 1);
            let _ = writeln!(
                self.out,
                "| {} {week} | {applied} | {replies} | {interviews} |",
                WEEK[l]
            );
            self.words += 5;
        }
        self.out.push('\n');
    }

    fn quote(&mut self) {
        let pair = *self.r.pick(QUOTES);
        let slots = Slots::draw(self.r);
        self.words += pair[0].split_whitespace().count() + 3;
        let who = slots.fill(self.lang, "{name}, {role}");
        let _ = writeln!(
            self.out,
            "> {}\n>\n> — {who}\n",
            slots.fill(self.lang, pair[self.l()])
        );
    }

    fn article(&mut self, c: &Corpus, entry: usize, section: Section) {
        let budget = 520 + self.r.below(120);
        let from = Some(section);
        self.paragraph(c, from, 4, 1);
        let headings = c.headings(entry);
        let per_heading = budget / headings.len();
        for (k, &h) in headings.iter().enumerate() {
            let _ = writeln!(self.out, "## {}\n", TOPICS[h][self.l()]);
            let stop = self.words + per_heading;
            let mut blocks = 0;
            while self.words < stop {
                match (blocks, self.r.below(10)) {
                    (0, _) | (_, 0..=4) => {
                        let links = usize::from(self.r.chance(35));
                        self.paragraph(c, from, 5, links)
                    }
                    (_, 5) => self.list(false),
                    (_, 6) => self.list(true),
                    (_, 7) if section != Section::Tips => self.table(),
                    (_, 8) => self.quote(),
                    _ => {
                        let sub = self.r.pick(SUBHEADINGS)[self.l()];
                        let _ = writeln!(self.out, "### {sub}\n");
                        self.paragraph(c, from, 3, 0);
                    }
                }
                blocks += 1;
            }
            if k == 0 && headings.len() > 2 {
                // A link to a heading further down the same page.
                let later = TOPICS[headings[headings.len() - 1]][self.l()];
                let line = SEE_BELOW[self.l()]
                    .replace("{link}", &format!("[{later}](#{})", heading_id(later)));
                let _ = writeln!(self.out, "{line}\n");
            }
        }
    }

    fn worksheet(&mut self, c: &Corpus, entry: usize) {
        let budget = 400 + self.r.below(120);
        let from = Some(Section::Worksheets);
        self.out.push_str("```name-date\n```\n\n");
        self.paragraph(c, from, 4, 1);
        let headings = c.headings(entry);
        let per_heading = budget / headings.len();
        for &h in &headings {
            let _ = writeln!(self.out, "## {}\n", TOPICS[h][self.l()]);
            let stop = self.words + per_heading;
            self.paragraph(c, from, 3, 0);
            while self.words < stop {
                match self.r.below(6) {
                    0..=2 => {
                        let prompt = self.r.pick(PROMPTS)[self.l()];
                        self.words += prompt.split_whitespace().count();
                        let _ = writeln!(
                            self.out,
                            "{prompt}\n\n```lines {}\n```\n",
                            self.r.range(2, 5)
                        );
                    }
                    3 => {
                        let prompt = self.r.pick(PROMPTS)[self.l()];
                        let hint = self.r.pick(BOX_HINTS)[self.l()];
                        self.words += 12;
                        let _ = writeln!(
                            self.out,
                            "{prompt}\n\n```box {}\n{hint}\n```\n",
                            self.r.range(3, 8)
                        );
                    }
                    4 => {
                        for _ in 0..self.r.range(3, 5) {
                            let item = self.r.pick(CHECKS)[self.l()];
                            self.words += 4;
                            let _ = writeln!(self.out, "- [ ] {item}");
                        }
                        self.out.push('\n');
                    }
                    _ => {
                        let head = self.r.pick(FILL_TABLES);
                        let cols: Vec<&str> = head.iter().map(|h| h[self.l()]).collect();
                        let _ = writeln!(self.out, "| {} |", cols.join(" | "));
                        let _ = writeln!(self.out, "|{}", "---|".repeat(cols.len()));
                        for _ in 0..self.r.range(3, 5) {
                            let _ = writeln!(self.out, "|{}", "  |".repeat(cols.len()));
                        }
                        self.out.push('\n');
                        self.words += 8;
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text pools: [English, Hindi], parallel. Hindi is written as people write it online: English
// loanwords in Devanagari, nukta where careful writers put it, Western digits.

struct Tag {
    slug: &'static str,
    name: [&'static str; 2],
    about: [&'static str; 2],
}

const TAGS: &[Tag] = &[
    Tag {
        slug: "feelings",
        name: ["Feelings", "भावनाएँ"],
        about: [
            "Pages about the disappointment and worry that follow a rejection.",
            "रिजेक्शन के बाद की निराशा और चिंता के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "feedback",
        name: ["Feedback", "फ़ीडबैक"],
        about: [
            "Pages about asking for feedback and using it.",
            "फ़ीडबैक माँगने और उसका इस्तेमाल करने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "interviews",
        name: ["Interviews", "इंटरव्यू"],
        about: [
            "Pages about preparing for interviews and what comes after.",
            "इंटरव्यू की तैयारी और उसके बाद के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "growth",
        name: ["Growth", "आगे बढ़ना"],
        about: [
            "Pages about learning from each rejection.",
            "हर रिजेक्शन से सीखने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "self-care",
        name: ["Self-care", "अपना ख़याल"],
        about: [
            "Pages about looking after your body and mind.",
            "शरीर और मन का ख़याल रखने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "networking",
        name: ["Networking", "नेटवर्किंग"],
        about: [
            "Pages about building professional relationships.",
            "प्रोफ़ेशनल रिश्ते बनाने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "organisation",
        name: ["Organisation", "व्यवस्था"],
        about: [
            "Pages about planning the week and tracking applications.",
            "हफ़्ते की योजना और आवेदनों का हिसाब रखने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "skills",
        name: ["Skills", "हुनर"],
        about: [
            "Pages about learning and showing skills.",
            "हुनर सीखने और दिखाने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "resume",
        name: ["Resume", "रिज़्यूमे"],
        about: [
            "Pages about writing and updating a resume.",
            "रिज़्यूमे लिखने और अपडेट करने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "personal-brand",
        name: ["Personal brand", "पर्सनल ब्रांड"],
        about: [
            "Pages about how employers see you.",
            "एम्प्लॉयर आपको कैसे देखते हैं, इसके बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "alternatives",
        name: ["Alternatives", "दूसरे रास्ते"],
        about: [
            "Pages about related roles and new paths.",
            "मिलती-जुलती भूमिकाओं और नए रास्तों के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "confidence",
        name: ["Confidence", "आत्मविश्वास"],
        about: [
            "Pages about rebuilding confidence.",
            "आत्मविश्वास दोबारा जगाने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "routine",
        name: ["Routine", "दिनचर्या"],
        about: [
            "Pages about daily habits during a job search.",
            "नौकरी की तलाश के दौरान रोज़ की आदतों के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "first-job",
        name: ["First job", "पहली नौकरी"],
        about: [
            "Pages for people looking for their first job.",
            "पहली नौकरी ढूँढ रहे लोगों के लिए पन्ने।",
        ],
    },
    Tag {
        slug: "career-change",
        name: ["Career change", "करियर बदलना"],
        about: [
            "Pages about moving into a new field.",
            "किसी नए क्षेत्र में जाने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "linkedin",
        name: ["LinkedIn", "लिंक्डइन"],
        about: [
            "Pages about your LinkedIn profile.",
            "आपकी लिंक्डइन प्रोफ़ाइल के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "mentoring",
        name: ["Mentoring", "मेंटरिंग"],
        about: [
            "Pages about finding and working with a mentor.",
            "मेंटर ढूँढने और उनके साथ काम करने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "money",
        name: ["Money", "पैसा"],
        about: [
            "Pages about managing money between jobs.",
            "दो नौकरियों के बीच पैसे सँभालने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "motivation",
        name: ["Motivation", "हौसला"],
        about: ["Pages about keeping going.", "हौसला बनाए रखने के बारे में पन्ने।"],
    },
    Tag {
        slug: "volunteering",
        name: ["Volunteering", "वॉलंटियरिंग"],
        about: [
            "Pages about volunteering and freelance work.",
            "वॉलंटियरिंग और फ़्रीलांस काम के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "remote-work",
        name: ["Remote work", "रिमोट काम"],
        about: [
            "Pages about finding and doing remote work.",
            "रिमोट काम ढूँढने और करने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "negotiation",
        name: ["Negotiation", "नेगोशिएशन"],
        about: [
            "Pages about talking about pay and terms.",
            "तनख़्वाह और शर्तों पर बात करने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "mental-health",
        name: ["Mental health", "मानसिक स्वास्थ्य"],
        about: [
            "Pages about stress, anxiety and getting help.",
            "तनाव, घबराहट और मदद लेने के बारे में पन्ने।",
        ],
    },
    Tag {
        slug: "family",
        name: ["Family", "परिवार"],
        about: [
            "Pages about family expectations and support.",
            "परिवार की उम्मीदों और सहारे के बारे में पन्ने।",
        ],
    },
];

const SLUG_WORDS_A: &[&str] = &[
    "steady",
    "small",
    "clear",
    "honest",
    "quiet",
    "next",
    "brave",
    "simple",
    "daily",
    "kind",
    "fresh",
    "patient",
    "practical",
    "gentle",
    "second",
    "open",
    "careful",
    "bold",
    "calm",
    "real",
];
const SLUG_WORDS_B: &[&str] = &[
    "routine",
    "feedback",
    "interview",
    "resume",
    "network",
    "step",
    "plan",
    "habit",
    "goal",
    "answer",
    "question",
    "start",
    "skill",
    "note",
    "story",
    "week",
    "offer",
    "change",
    "path",
    "review",
];

const HOME_TEXT: [[&str; 2]; 2] = [
    [
        "After a job rejection: a generated handbook",
        "नौकरी में रिजेक्शन के बाद: एक बनाई गई हैंडबुक",
    ],
    [
        "Stories, guidance, tips and worksheets generated to measure how fast the handbook builds.",
        "कहानियाँ, गाइड, सुझाव और वर्कशीट, जो यह नापने के लिए बनाई गई हैं कि हैंडबुक कितनी जल्दी बनती है।",
    ],
];
const ABOUT_TEXT: [[&str; 2]; 2] = [
    ["About this corpus", "इस कॉर्पस के बारे में"],
    [
        "Generated text in the shape of the real handbook, for benchmarks.",
        "असली हैंडबुक जैसी बनाई गई सामग्री, बेंचमार्क के लिए।",
    ],
];

const SENTENCES: &[[&str; 2]] = &[
    [
        "{name} applied for a {role} position at {company} and waited three weeks for an answer.",
        "{name} ने {company} में {role} की पोज़ीशन के लिए अप्लाई किया और तीन हफ़्ते तक जवाब का इंतज़ार किया।",
    ],
    [
        "The rejection email was short, polite and gave no reason.",
        "रिजेक्शन का ईमेल छोटा और विनम्र था, लेकिन उसमें कोई वजह नहीं लिखी थी।",
    ],
    [
        "It is normal to feel disappointed after an interview that seemed to go well.",
        "जो इंटरव्यू अच्छा लगा हो, उसके बाद निराश होना बिल्कुल स्वाभाविक है।",
    ],
    [
        "Give yourself a day before you decide what to do next.",
        "अगला क़दम तय करने से पहले ख़ुद को एक दिन का समय दें।",
    ],
    [
        "A short note asking for feedback often gets a useful reply.",
        "फ़ीडबैक माँगने वाला एक छोटा-सा नोट अक्सर काम का जवाब दिला देता है।",
    ],
    [
        "Write down three things you did well in the last round.",
        "पिछले राउंड में आपने जो तीन चीज़ें अच्छी कीं, उन्हें लिख लें।",
    ],
    [
        "Recruiters at {company} review hundreds of applications for every opening.",
        "{company} के रिक्रूटर हर वैकेंसी के लिए सैकड़ों आवेदन देखते हैं।",
    ],
    [
        "Practising answers aloud with a friend builds confidence faster than reading alone.",
        "किसी दोस्त के साथ ज़ोर से जवाबों की प्रैक्टिस करने से अकेले पढ़ने की तुलना में आत्मविश्वास जल्दी बढ़ता है।",
    ],
    [
        "{name} spent {n} minutes every morning learning {skill}.",
        "{name} ने हर सुबह {n} मिनट {skill} सीखने में लगाए।",
    ],
    [
        "A rejection says something about one role at one moment, not about your worth.",
        "एक रिजेक्शन किसी एक समय की किसी एक भूमिका के बारे में बताता है, आपकी क़ीमत के बारे में नहीं।",
    ],
    [
        "Keep a simple tracker with the company, the date and the next step.",
        "एक सीधा-सा ट्रैकर रखें, जिसमें कंपनी, तारीख़ और अगला क़दम लिखा हो।",
    ],
    [
        "Many people in {city} found their next job through someone they already knew.",
        "{city} में बहुत-से लोगों को अगली नौकरी किसी जान-पहचान वाले के ज़रिए मिली।",
    ],
    [
        "Sleep, regular meals and a short walk make the hard weeks easier.",
        "पूरी नींद, समय पर खाना और थोड़ी-सी सैर मुश्किल हफ़्तों को आसान बना देते हैं।",
    ],
    [
        "Update your resume after each round while the details are still fresh.",
        "हर राउंड के बाद, जब बातें ताज़ा हों, अपना रिज़्यूमे अपडेट कर लें।",
    ],
    [
        "The hiring manager at {company} later said the decision had been very close.",
        "{company} के हायरिंग मैनेजर ने बाद में बताया कि फ़ैसला बहुत क़रीबी था।",
    ],
    [
        "Set one small goal for the week and celebrate when you reach it.",
        "हफ़्ते के लिए एक छोटा लक्ष्य रखें और उसे पूरा करने पर ख़ुशी मनाएँ।",
    ],
    [
        "Comparing yourself with others on social media rarely helps.",
        "सोशल मीडिया पर दूसरों से अपनी तुलना करने से शायद ही कभी फ़ायदा होता है।",
    ],
    [
        "An informational interview is a conversation to learn, not to ask for a job.",
        "इन्फ़ॉर्मेशनल इंटरव्यू कुछ सीखने के लिए की गई बातचीत है, नौकरी माँगने के लिए नहीं।",
    ],
    [
        "{name} moved from {role} work into a new field after two years of trying.",
        "दो साल की कोशिश के बाद {name} ने {role} का काम छोड़कर एक नए क्षेत्र में क़दम रखा।",
    ],
    [
        "Volunteering for a few hours a week kept skills sharp and added a reference.",
        "हफ़्ते में कुछ घंटे वॉलंटियर करने से हुनर बना रहा और एक रेफ़रेंस भी मिल गया।",
    ],
    [
        "Ask the interviewer which skill would have made the biggest difference.",
        "इंटरव्यू लेने वाले से पूछें कि कौन-सा एक हुनर सबसे बड़ा फ़र्क़ डालता।",
    ],
    [
        "A thank-you message sent within a day leaves a good impression.",
        "एक दिन के अंदर भेजा गया धन्यवाद का मैसेज अच्छा असर छोड़ता है।",
    ],
    [
        "Taking a break from applications for a weekend is not giving up.",
        "एक वीकेंड के लिए आवेदन भेजने से ब्रेक लेना हार मानना नहीं है।",
    ],
    [
        "Talk to someone you trust when the disappointment feels heavy.",
        "जब निराशा भारी लगे, तो किसी भरोसेमंद इंसान से बात करें।",
    ],
    [
        "The job market in {city} changes quickly, and so do the roles on offer.",
        "{city} में नौकरी का बाज़ार तेज़ी से बदलता है, और उसके साथ मिलने वाली भूमिकाएँ भी।",
    ],
    [
        "Small daily routines protect your energy for the interviews that matter.",
        "रोज़ की छोटी-छोटी आदतें ज़रूरी इंटरव्यू के लिए आपकी ऊर्जा बचाकर रखती हैं।",
    ],
    [
        "Each application is practice, and practice adds up over time.",
        "हर आवेदन एक प्रैक्टिस है, और प्रैक्टिस समय के साथ जुड़ती जाती है।",
    ],
    [
        "{name} asked {company} for feedback and learned that {skill} was the missing piece.",
        "{name} ने {company} से फ़ीडबैक माँगा और पता चला कि कमी {skill} की थी।",
    ],
    [
        "Your capacity to recover grows each time you come back after a setback.",
        "हर झटके के बाद वापस खड़े होने से उबरने की आपकी क्षमता बढ़ती है।",
    ],
    [
        "Look at job descriptions for {role} roles and note the skills that keep appearing.",
        "{role} की भूमिकाओं के जॉब डिस्क्रिप्शन देखें और उन हुनरों को नोट करें जो बार-बार आते हैं।",
    ],
    [
        "It took {n} applications before the first offer arrived.",
        "पहला ऑफ़र आने से पहले {n} आवेदन भेजने पड़े।",
    ],
    [
        "Feedback is information, and you decide what to do with it.",
        "फ़ीडबैक एक जानकारी है, और उसका क्या करना है, यह आप तय करते हैं।",
    ],
    [
        "Reflect on what you want before you apply again to the same company.",
        "उसी कंपनी में दोबारा अप्लाई करने से पहले सोचें कि आप असल में क्या चाहते हैं।",
    ],
    [
        "Keep in touch with the recruiters you liked, even after a no.",
        "जो रिक्रूटर आपको अच्छे लगे, उनसे ‘ना’ के बाद भी संपर्क बनाए रखें।",
    ],
    [
        "A short online course in {skill} can open doors to related roles.",
        "{skill} का एक छोटा ऑनलाइन कोर्स मिलती-जुलती भूमिकाओं के दरवाज़े खोल सकता है।",
    ],
    [
        "Freelance projects gave {name} real work to show in the next interview.",
        "फ़्रीलांस प्रोजेक्ट्स की वजह से अगले इंटरव्यू में {name} के पास दिखाने के लिए असली काम था।",
    ],
    [
        "The first weeks after a rejection are usually the hardest.",
        "रिजेक्शन के बाद के पहले कुछ हफ़्ते आम तौर पर सबसे मुश्किल होते हैं।",
    ],
    [
        "Write your strengths in plain words, with one example for each.",
        "अपनी ख़ूबियाँ सीधे शब्दों में लिखें, और हर एक के साथ एक उदाहरण दें।",
    ],
    [
        "A mentor from {company} suggested focusing on fewer, better applications.",
        "{company} के एक मेंटर ने कम लेकिन बेहतर आवेदनों पर ध्यान देने की सलाह दी।",
    ],
    [
        "Grace under pressure is a skill, and it can be learned.",
        "दबाव में संयम रखना भी एक हुनर है, और इसे सीखा जा सकता है।",
    ],
    [
        "Shortlisting often depends on timing as much as on your profile.",
        "शॉर्टलिस्ट होना अक्सर आपकी प्रोफ़ाइल जितना ही टाइमिंग पर भी निर्भर करता है।",
    ],
    [
        "Prepare two stories that show how you solved a problem at work.",
        "ऐसी दो कहानियाँ तैयार रखें जो दिखाएँ कि आपने काम पर कोई समस्या कैसे सुलझाई।",
    ],
    [
        "Your LinkedIn headline should say what you do and what you want next.",
        "आपकी लिंक्डइन हेडलाइन में लिखा हो कि आप क्या करते हैं और आगे क्या चाहते हैं।",
    ],
    [
        "Networking works best when you offer help as well as ask for it.",
        "नेटवर्किंग तब सबसे अच्छी चलती है जब आप मदद माँगने के साथ मदद करते भी हैं।",
    ],
    [
        "Every {weekday}, {name} reviewed the week's applications and planned the next steps.",
        "हर {weekday} को {name} ने हफ़्ते भर के आवेदनों की समीक्षा की और अगले क़दम तय किए।",
    ],
    [
        "The panel at {company} asked about a project from {n} years ago.",
        "{company} के पैनल ने {n} साल पुराने एक प्रोजेक्ट के बारे में पूछा।",
    ],
    [
        "Try the same answer in fewer words; clear is better than long.",
        "वही जवाब कम शब्दों में देकर देखें; लंबे से साफ़ बेहतर है।",
    ],
    [
        "There will be other interviews, and some of them will go your way.",
        "और भी इंटरव्यू होंगे, और उनमें से कुछ आपके पक्ष में जाएँगे।",
    ],
    [
        "Salary talks at {company} started only after the second interview.",
        "{company} में तनख़्वाह की बात दूसरे इंटरव्यू के बाद ही शुरू हुई।",
    ],
    [
        "A friend from {city} shared an opening for a {role} before it was advertised.",
        "{city} के एक दोस्त ने {role} की एक वैकेंसी विज्ञापन से पहले ही बता दी।",
    ],
    [
        "Family members often mean well, even when their questions sting.",
        "परिवार वाले अक्सर भला ही चाहते हैं, भले ही उनके सवाल चुभ जाएँ।",
    ],
    [
        "Remote roles attract many applicants, so a clear cover letter matters.",
        "रिमोट नौकरियों के लिए बहुत लोग अप्लाई करते हैं, इसलिए साफ़ कवर लेटर ज़रूरी है।",
    ],
    [
        "Budget for a few lean months so that fear does not choose your next job.",
        "कुछ तंगी वाले महीनों का बजट बना लें, ताकि अगली नौकरी डर के मारे न चुननी पड़े।",
    ],
    [
        "Anxiety before an interview is common, and breathing slowly really helps.",
        "इंटरव्यू से पहले घबराहट होना आम है, और धीरे-धीरे साँस लेना सचमुच मदद करता है।",
    ],
    [
        "{name} kept a notebook of every question asked in {n} interviews.",
        "{name} ने {n} इंटरव्यू में पूछे गए हर सवाल को एक नोटबुक में लिखा।",
    ],
    [
        "Motivation comes and goes, but a plan keeps you moving on the slow days.",
        "हौसला आता-जाता रहता है, लेकिन एक योजना धीमे दिनों में भी आपको आगे बढ़ाती रहती है।",
    ],
];

const LINK_SENTENCES: &[[&str; 2]] = &[
    ["Read more in {link}.", "ज़्यादा जानकारी के लिए {link} पढ़ें।"],
    ["{link} is a good next step.", "अगला क़दम: {link}।"],
    ["See also {link}.", "यह भी देखें: {link}।"],
    [
        "Many readers found {link} useful here.",
        "यहाँ कई पाठकों को {link} काम का लगा।",
    ],
];

const SEE_BELOW: [&str; 2] = [
    "Skip ahead to {link} if you are short of time.",
    "समय कम हो तो सीधे {link} पर जाएँ।",
];

const LEADS: &[[&str; 2]] = &[
    ["Remember:", "याद रखें:"],
    ["Tip:", "सुझाव:"],
    ["Important:", "ज़रूरी:"],
    ["In practice:", "असल में:"],
];

const TOPICS: &[[&str; 2]] = &[
    ["What happened", "क्या हुआ"],
    ["How it felt", "कैसा लगा"],
    ["What helped", "किस चीज़ से मदद मिली"],
    ["Asking for feedback", "फ़ीडबैक माँगना"],
    ["The next application", "अगला आवेदन"],
    ["Small steps that work", "छोटे क़दम जो काम करते हैं"],
    ["Looking after yourself", "अपना ख़याल रखना"],
    ["Learning from the interview", "इंटरव्यू से सीख"],
    ["Building a routine", "रोज़ की दिनचर्या बनाना"],
    ["Talking to people", "लोगों से बात करना"],
    ["A different path", "एक अलग रास्ता"],
    ["Preparing for the next round", "अगले राउंड की तैयारी"],
    ["What the numbers say", "आँकड़े क्या कहते हैं"],
    ["When nothing seems to work", "जब कुछ भी काम न करे"],
    ["Keeping track", "हिसाब रखना"],
    ["Strengths to build on", "ख़ूबियाँ जिन पर आगे बढ़ें"],
    ["Questions to ask", "पूछने लायक़ सवाल"],
    ["After the interview", "इंटरव्यू के बाद"],
    ["Before you apply again", "दोबारा अप्लाई करने से पहले"],
    ["A week at a time", "एक-एक हफ़्ता"],
    ["Lessons from others", "दूसरों से सीख"],
    ["Finding support", "सहारा ढूँढना"],
    ["Your resume and profile", "आपका रिज़्यूमे और प्रोफ़ाइल"],
    ["Practice that pays off", "काम आने वाली प्रैक्टिस"],
    ["Choosing what to learn", "क्या सीखें यह चुनना"],
    ["Saying thank you", "धन्यवाद कहना"],
    ["Reading the rejection", "रिजेक्शन को समझना"],
    ["Staying in touch", "संपर्क बनाए रखना"],
    ["Resting without guilt", "बिना अपराध-बोध के आराम"],
    ["Looking back", "पीछे मुड़कर देखना"],
];

const SUBHEADINGS: &[[&str; 2]] = &[
    ["One example", "एक उदाहरण"],
    ["Try this", "यह आज़माएँ"],
    ["Why it matters", "यह क्यों ज़रूरी है"],
    ["A common mistake", "एक आम ग़लती"],
    ["In short", "संक्षेप में"],
];

const STORY_TITLES: &[[&str; 2]] = &[
    ["{name}, {role}: {topic}", "{name}, {role}: {topic}"],
    [
        "After {company}: a new start in {city}",
        "{company} के बाद: {city} में नई शुरुआत",
    ],
    [
        "How {name} found work in {city}",
        "{name} को {city} में काम कैसे मिला",
    ],
    ["{n} rejections and one offer", "{n} रिजेक्शन और एक ऑफ़र"],
    ["From {role} to a new field", "{role} से एक नए क्षेत्र तक"],
];
const GUIDANCE_TITLES: &[[&str; 2]] = &[
    ["A guide to {topic}", "{topic}: एक गाइड"],
    ["{topic} after a rejection", "रिजेक्शन के बाद: {topic}"],
    [
        "For {role} applicants: {topic}",
        "{role} के उम्मीदवारों के लिए: {topic}",
    ],
    [
        "Learning {skill} while you search",
        "तलाश के दौरान {skill} सीखना",
    ],
];
const TIP_TITLES: &[[&str; 2]] = &[
    ["Ask one clear question", "एक साफ़ सवाल पूछें"],
    ["Keep a tracker", "एक ट्रैकर रखें"],
    ["Take a real break", "सचमुच ब्रेक लें"],
    [
        "Practise {skill} for {n} minutes",
        "{n} मिनट {skill} की प्रैक्टिस करें",
    ],
    ["Send the thank-you note", "धन्यवाद का नोट भेजें"],
    ["Talk to a {role}", "किसी {role} से बात करें"],
    ["Quick tip: {topic}", "छोटा सुझाव: {topic}"],
    [
        "Update your profile on {weekday}",
        "{weekday} को अपनी प्रोफ़ाइल अपडेट करें",
    ],
];
const WORKSHEET_TITLES: &[[&str; 2]] = &[
    ["Worksheet: {topic}", "वर्कशीट: {topic}"],
    ["{topic}: a planner", "{topic}: एक प्लानर"],
    [
        "A {n}-day plan for {skill}",
        "{skill} के लिए {n} दिन की योजना",
    ],
];

const LIST_ITEMS: &[[&str; 2]] = &[
    ["a short walk every day", "रोज़ थोड़ी सैर"],
    ["one application a day, not ten", "दिन में एक आवेदन, दस नहीं"],
    ["a friend to practise with", "प्रैक्टिस के लिए एक दोस्त"],
    [
        "a list of companies you admire",
        "उन कंपनियों की सूची जो आपको पसंद हैं",
    ],
    ["notes from every interview", "हर इंटरव्यू के नोट्स"],
    [
        "a clear answer to \"tell me about yourself\"",
        "\"अपने बारे में बताइए\" का साफ़ जवाब",
    ],
    [
        "a resume with numbers, not adjectives",
        "विशेषणों के बजाय आँकड़ों वाला रिज़्यूमे",
    ],
    ["time off on the weekend", "वीकेंड पर छुट्टी"],
    [
        "a mentor outside your company",
        "अपनी कंपनी से बाहर का एक मेंटर",
    ],
    ["a budget for the next three months", "अगले तीन महीनों का बजट"],
    ["an updated LinkedIn profile", "अपडेट की हुई लिंक्डइन प्रोफ़ाइल"],
    [
        "a thank-you template you can reuse",
        "दोबारा काम आने वाला धन्यवाद का टेम्पलेट",
    ],
    [
        "two stories about problems you solved",
        "सुलझाई गई समस्याओं की दो कहानियाँ",
    ],
    [
        "a skill you can learn in a month",
        "एक हुनर जो महीने भर में सीखा जा सके",
    ],
    [
        "someone to call on a bad day",
        "बुरे दिन पर फ़ोन करने के लिए कोई",
    ],
    ["regular sleep and meals", "समय पर नींद और खाना"],
    ["a portfolio of real work", "असली काम का पोर्टफ़ोलियो"],
    ["questions for the interviewer", "इंटरव्यू लेने वाले के लिए सवाल"],
];

const QUOTES: &[[&str; 2]] = &[
    [
        "I stopped counting rejections and started counting conversations.",
        "मैंने रिजेक्शन गिनना छोड़ा और बातचीत गिनना शुरू किया।",
    ],
    [
        "The feedback hurt for a day and helped for a year.",
        "फ़ीडबैक एक दिन चुभा और एक साल काम आया।",
    ],
    [
        "Nobody sees the hundred applications behind one offer.",
        "एक ऑफ़र के पीछे के सौ आवेदन किसी को नहीं दिखते।",
    ],
    [
        "I learned more from the interview I lost than from the one I won.",
        "जो इंटरव्यू मैं हारा, उससे मैंने जीते हुए इंटरव्यू से ज़्यादा सीखा।",
    ],
    [
        "A routine kept me sane when nothing else was in my hands.",
        "जब कुछ भी मेरे हाथ में नहीं था, तब दिनचर्या ने मुझे सँभाले रखा।",
    ],
];

const TABLE_HEAD: [[&str; 2]; 4] = [
    ["Week", "हफ़्ता"],
    ["Applications", "आवेदन"],
    ["Replies", "जवाब"],
    ["Interviews", "इंटरव्यू"],
];
const WEEK: [&str; 2] = ["Week", "हफ़्ता"];

const PROMPTS: &[[&str; 2]] = &[
    [
        "What went well, even a little?",
        "क्या अच्छा रहा, भले ही थोड़ा-सा?",
    ],
    [
        "Which question felt hardest, and why?",
        "कौन-सा सवाल सबसे मुश्किल लगा, और क्यों?",
    ],
    [
        "What would you do differently next time?",
        "अगली बार आप क्या अलग करेंगे?",
    ],
    [
        "Who could you talk to about this?",
        "इस बारे में आप किससे बात कर सकते हैं?",
    ],
    [
        "What did this teach you about the role you want?",
        "इससे आपको अपनी पसंद की भूमिका के बारे में क्या पता चला?",
    ],
    [
        "Which skill do you want to build this month?",
        "इस महीने आप कौन-सा हुनर बढ़ाना चाहते हैं?",
    ],
    [
        "What is one small thing you will do in the next three days?",
        "अगले तीन दिनों में आप कौन-सा एक छोटा काम करेंगे?",
    ],
    [
        "What are you proud of from this process?",
        "इस पूरी प्रक्रिया में आपको किस बात पर गर्व है?",
    ],
    [
        "What feedback did you get, and which part can you act on?",
        "आपको क्या फ़ीडबैक मिला, और उसमें से किस हिस्से पर आप काम कर सकते हैं?",
    ],
    [
        "How are you sleeping and eating this week?",
        "इस हफ़्ते आपकी नींद और खाना कैसा चल रहा है?",
    ],
];
const BOX_HINTS: &[[&str; 2]] = &[
    [
        "e.g. the kind of team, work or hours that would suit me",
        "जैसे: किस तरह की टीम, काम या घंटे मुझे ठीक लगेंगे",
    ],
    [
        "e.g. a message to a former colleague",
        "जैसे: किसी पुराने सहकर्मी को एक मैसेज",
    ],
    [
        "e.g. one result with a number in it",
        "जैसे: एक नतीजा जिसमें कोई आँकड़ा हो",
    ],
];
const CHECKS: &[[&str; 2]] = &[
    ["Sent a thank-you note", "धन्यवाद का नोट भेजा"],
    ["Asked for feedback", "फ़ीडबैक माँगा"],
    ["Updated my tracker", "अपना ट्रैकर अपडेट किया"],
    ["Did one kind thing for myself", "अपने लिए एक अच्छा काम किया"],
    [
        "Practised one answer aloud",
        "एक जवाब ज़ोर से बोलकर प्रैक्टिस किया",
    ],
    ["Talked to a friend", "किसी दोस्त से बात की"],
    ["Took a proper break", "ठीक से ब्रेक लिया"],
];
const FILL_TABLES: &[[[&str; 2]; 3]] = &[
    [
        ["Company", "कंपनी"],
        ["Date applied", "आवेदन की तारीख़"],
        ["Next step", "अगला क़दम"],
    ],
    [["Day", "दिन"], ["Goal", "लक्ष्य"], ["Done?", "हुआ?"]],
    [
        ["Skill", "हुनर"],
        ["Example", "उदाहरण"],
        ["How to show it", "कैसे दिखाएँ"],
    ],
];

const SOURCES: &[[&str; 2]] = &[
    [
        "A public report on graduate hiring",
        "ग्रेजुएट भर्ती पर एक सार्वजनिक रिपोर्ट",
    ],
    ["A career centre case study", "एक करियर सेंटर की केस स्टडी"],
    [
        "An interview in a regional newspaper",
        "एक क्षेत्रीय अख़बार का इंटरव्यू",
    ],
];

const NAMES: &[[&str; 2]] = &[
    ["Priya", "प्रिया"],
    ["Arjun", "अर्जुन"],
    ["Meera", "मीरा"],
    ["Karan", "करन"],
    ["Sana", "सना"],
    ["Imran", "इमरान"],
    ["Neha", "नेहा"],
    ["Rahul", "राहुल"],
    ["Fatima", "फ़ातिमा"],
    ["Vikram", "विक्रम"],
    ["Ananya", "अनन्या"],
    ["Rohan", "रोहन"],
    ["Zoya", "ज़ोया"],
    ["Aditya", "आदित्य"],
    ["Kavya", "काव्या"],
    ["Harsh", "हर्ष"],
    ["Shreya", "श्रेया"],
    ["Faizan", "फ़ैज़ान"],
    ["Tanvi", "तन्वी"],
    ["Kshitij", "क्षितिज"],
    ["Gyanesh", "ज्ञानेश"],
    ["Rukhsar", "रुख़सार"],
    ["Deepak", "दीपक"],
    ["Ishita", "इशिता"],
    ["Manpreet", "मनप्रीत"],
    ["Yusuf", "यूसुफ़"],
    ["Pooja", "पूजा"],
    ["Siddharth", "सिद्धार्थ"],
    ["Nazia", "नाज़िया"],
    ["Tripti", "तृप्ति"],
];
const SURNAMES: &[[&str; 2]] = &[
    ["Sharma", "शर्मा"],
    ["Khan", "ख़ान"],
    ["Verma", "वर्मा"],
    ["Iyer", "अय्यर"],
    ["Singh", "सिंह"],
    ["Qureshi", "क़ुरैशी"],
    ["Mishra", "मिश्रा"],
    ["Das", "दास"],
    ["Joshi", "जोशी"],
    ["Chatterjee", "चटर्जी"],
    ["Trivedi", "त्रिवेदी"],
    ["Ansari", "अंसारी"],
    ["Kulkarni", "कुलकर्णी"],
    ["Srivastava", "श्रीवास्तव"],
    ["Zaidi", "ज़ैदी"],
];
const ROLES: &[[&str; 2]] = &[
    ["data analyst", "डेटा एनालिस्ट"],
    ["software engineer", "सॉफ़्टवेयर इंजीनियर"],
    ["sales executive", "सेल्स एग्ज़ीक्यूटिव"],
    ["graphic designer", "ग्राफ़िक डिज़ाइनर"],
    ["teacher", "टीचर"],
    ["nurse", "नर्स"],
    ["accountant", "अकाउंटेंट"],
    ["content writer", "कंटेंट राइटर"],
    ["marketing manager", "मार्केटिंग मैनेजर"],
    ["support lead", "सपोर्ट लीड"],
    ["HR associate", "एचआर एसोसिएट"],
    ["project coordinator", "प्रोजेक्ट कोऑर्डिनेटर"],
    ["civil engineer", "सिविल इंजीनियर"],
    ["pharmacist", "फ़ार्मासिस्ट"],
    ["bank clerk", "बैंक क्लर्क"],
    ["social media manager", "सोशल मीडिया मैनेजर"],
    ["operations analyst", "ऑपरेशंस एनालिस्ट"],
    ["product manager", "प्रोडक्ट मैनेजर"],
    ["lab technician", "लैब टेक्नीशियन"],
    ["journalist", "पत्रकार"],
    ["research assistant", "रिसर्च असिस्टेंट"],
    ["hotel manager", "होटल मैनेजर"],
    ["electrician", "इलेक्ट्रीशियन"],
    ["chef", "शेफ़"],
    ["architect", "आर्किटेक्ट"],
    ["translator", "अनुवादक"],
    ["data scientist", "डेटा साइंटिस्ट"],
    ["UX researcher", "यूएक्स रिसर्चर"],
    ["finance officer", "फ़ाइनेंस ऑफ़िसर"],
    ["quality inspector", "क्वालिटी इंस्पेक्टर"],
];
const CITIES: &[[&str; 2]] = &[
    ["Delhi", "दिल्ली"],
    ["Mumbai", "मुंबई"],
    ["Lucknow", "लखनऊ"],
    ["Jaipur", "जयपुर"],
    ["Patna", "पटना"],
    ["Bhopal", "भोपाल"],
    ["Pune", "पुणे"],
    ["Kolkata", "कोलकाता"],
    ["Chennai", "चेन्नई"],
    ["Hyderabad", "हैदराबाद"],
    ["Bengaluru", "बेंगलुरु"],
    ["Indore", "इंदौर"],
    ["Kanpur", "कानपुर"],
    ["Varanasi", "वाराणसी"],
    ["Nagpur", "नागपुर"],
    ["Ahmedabad", "अहमदाबाद"],
    ["Chandigarh", "चंडीगढ़"],
    ["Dehradun", "देहरादून"],
    ["Ranchi", "रांची"],
    ["Karachi", "कराची"],
    ["Kathmandu", "काठमांडू"],
    ["Dubai", "दुबई"],
    ["London", "लंदन"],
    ["Toronto", "टोरंटो"],
];
const SKILLS: &[[&str; 2]] = &[
    ["Excel", "एक्सेल"],
    ["SQL", "एसक्यूएल"],
    ["public speaking", "पब्लिक स्पीकिंग"],
    ["Python", "पाइथन"],
    ["negotiation", "नेगोशिएशन"],
    ["time management", "टाइम मैनेजमेंट"],
    ["data visualisation", "डेटा विज़ुअलाइज़ेशन"],
    ["copywriting", "कॉपीराइटिंग"],
    ["project planning", "प्रोजेक्ट प्लानिंग"],
    ["spoken English", "बोलचाल की अंग्रेज़ी"],
    ["Tally", "टैली"],
    ["customer service", "कस्टमर सर्विस"],
    ["video editing", "वीडियो एडिटिंग"],
    ["digital marketing", "डिजिटल मार्केटिंग"],
    ["team leadership", "टीम लीडरशिप"],
    ["report writing", "रिपोर्ट लेखन"],
    ["statistics", "सांख्यिकी"],
    ["graphic design", "ग्राफ़िक डिज़ाइन"],
    ["first aid", "प्राथमिक चिकित्सा"],
    ["bookkeeping", "बहीखाता"],
    ["presentation skills", "प्रेज़ेंटेशन स्किल्स"],
    ["SEO", "एसईओ"],
];
const WEEKDAYS: &[[&str; 2]] = &[
    ["Monday", "सोमवार"],
    ["Tuesday", "मंगलवार"],
    ["Wednesday", "बुधवार"],
    ["Thursday", "गुरुवार"],
    ["Friday", "शुक्रवार"],
    ["Saturday", "शनिवार"],
    ["Sunday", "रविवार"],
];
/// Company names are two syllables and a kind: a long tail of proper nouns, as in real text.
const SYLLABLES: &[[&str; 2]] = &[
    ["ka", "का"],
    ["ri", "रि"],
    ["ta", "टा"],
    ["vi", "वि"],
    ["sha", "शा"],
    ["kshi", "क्षि"],
    ["pra", "प्र"],
    ["tra", "त्र"],
    ["za", "ज़ा"],
    ["fi", "फ़ि"],
    ["de", "डे"],
    ["no", "नो"],
    ["lu", "लू"],
    ["mo", "मो"],
    ["ra", "रा"],
    ["sen", "सेन"],
    ["dhan", "धन"],
    ["gyan", "ज्ञान"],
    ["shri", "श्री"],
    ["stha", "स्था"],
    ["nav", "नव"],
    ["dee", "दी"],
    ["ksha", "क्ष"],
    ["ved", "वेद"],
    ["yu", "यु"],
    ["har", "हर"],
];
const COMPANY_KINDS: &[[&str; 2]] = &[
    ["Tech", "टेक"],
    ["Soft", "सॉफ़्ट"],
    ["Works", "वर्क्स"],
    ["Labs", "लैब्स"],
    ["Systems", "सिस्टम्स"],
    ["Foods", "फ़ूड्स"],
    ["Finance", "फ़ाइनेंस"],
    ["Health", "हेल्थ"],
];
