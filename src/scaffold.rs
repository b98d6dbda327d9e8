//! `handbook new`, beside the pipeline: a section and slug in, new Markdown files out: the first
//! version of a page, in every language at once (or one).
//!
//! A new page is valid content as written (title, summary, and for a tip a declared tag), so
//! it shows up in `handbook serve` and `handbook build` at once and `handbook check` passes.
//! Every placeholder starts with [`PLACEHOLDER`](crate::check::rules::PLACEHOLDER), which `check` keeps pointing at (a warning)
//! until the contributor has replaced it, so a page is never published half-written by
//! accident. Existing files are never overwritten.

pub mod translate;

use crate::check::rules::path_of;
use crate::config::Config;
use crate::i18n::I18n;
use crate::model::lang::{Lang, PageKey, Section};
use anyhow::{Context, Result, bail};
use std::fmt::Write;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A file `handbook new` will write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// Relative to the site root: `content/<lang>/<section>/<slug>.md`.
    pub rel: PathBuf,
    pub text: String,
}

/// Tag slugs declared in every configured language (`tag-<slug> = …`), in id order.
/// `tag-<slug>-description` messages describe a tag; they are not tags themselves.
pub fn declared_tags(config: &Config, i18n: &I18n) -> Vec<String> {
    let Some(first) = config.languages.first() else {
        return Vec::new();
    };
    i18n.message_ids(first)
        .filter_map(|id| id.strip_prefix("tag-"))
        .filter(|slug| !slug.ends_with("-description"))
        .filter(|slug| {
            config
                .languages
                .iter()
                .all(|l| i18n.has(l, &format!("tag-{slug}")))
        })
        .map(str::to_string)
        .collect()
}

/// The pages to write for `section`/`slug` in `langs`. Tips need a tag, so a site that
/// declares none cannot get a valid tip: that is an error before anything is written.
pub fn plan(section: Section, slug: &str, langs: &[Lang], tags: &[String]) -> Result<Vec<NewFile>> {
    if section == Section::Tips && tags.is_empty() {
        bail!(
            "tips need at least one tag, and this site declares none: add a line `tag-<slug> = <name>` to i18n/<lang>/tags.ftl for every language first (for example `tag-feedback = Feedback`)"
        );
    }
    let key = PageKey::Entry(section, slug.to_string());
    Ok(langs
        .iter()
        .map(|lang| NewFile {
            rel: path_of(lang, &key),
            text: page_text(lang, section, tags),
        })
        .collect())
}

/// Writes every file, or none: all targets are checked first, and each is created with
/// `create_new` so a file that appears in between is not overwritten either.
pub fn write(root: &Path, files: &[NewFile]) -> Result<()> {
    let existing: Vec<String> = files
        .iter()
        .filter(|f| root.join(&f.rel).exists())
        .map(|f| format!("`{}`", f.rel.to_string_lossy().replace('\\', "/")))
        .collect();
    if !existing.is_empty() {
        bail!(
            "{} already exist{}; handbook new never overwrites a page: edit it, or choose another slug",
            existing.join(" and "),
            if existing.len() == 1 { "s" } else { "" }
        );
    }
    for f in files {
        let path = root.join(&f.rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder `{}`", dir.display()))?;
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("cannot create `{}`", path.display()))?;
        file.write_all(f.text.as_bytes())
            .with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(())
}

/// Placeholder text in one language. Languages without their own fall back to English.
struct Phrases {
    titles: [&'static str; 4],
    summary: &'static str,
    tags_required: &'static str,
    tags_optional: &'static str,
    no_tags: &'static str,
    optional_fields: &'static str,
    bodies: [&'static str; 4],
}

fn phrases(lang: &Lang) -> &'static Phrases {
    match lang.as_str() {
        "hi" => &HI,
        _ => &EN,
    }
}

fn section_index(s: Section) -> usize {
    Section::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

fn page_text(lang: &Lang, section: Section, tags: &[String]) -> String {
    let p = phrases(lang);
    let i = section_index(section);
    let mut s = String::from("---\n");
    let _ = writeln!(s, "title: {}", yaml_string(p.titles[i]));
    let _ = writeln!(s, "summary: {}", yaml_string(p.summary));
    let list = tags.join(", ");
    if section == Section::Tips {
        // `plan` made sure there is at least one.
        let _ = writeln!(s, "tags: [{}]", tags.first().map_or("", String::as_str));
        let _ = writeln!(s, "# {}", fill(p.tags_required, &list, lang));
    } else {
        let _ = writeln!(s, "tags: []");
        if tags.is_empty() {
            let _ = writeln!(s, "# {}", fill(p.no_tags, &list, lang));
        } else {
            let _ = writeln!(s, "# {}", fill(p.tags_optional, &list, lang));
        }
    }
    let _ = writeln!(s, "# {}", p.optional_fields);
    s.push_str("# date: 2025-01-15\n# weight: 10\n");
    if section == Section::Stories {
        s.push_str("# illustrative: true\n# source: { name: \"…\", url: \"https://…\" }\n");
    }
    s.push_str("---\n\n");
    s.push_str(p.bodies[i]);
    s
}

/// A new page's text with `title` instead of the placeholder title.
pub fn with_title(text: &str, title: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if !done && line.starts_with("title: ") {
            out.push_str(&format!("title: {}\n", yaml_string(title)));
            done = true;
        } else {
            out.push_str(line);
        }
    }
    out
}

fn fill(template: &str, tags: &str, lang: &Lang) -> String {
    template
        .replace("{tags}", tags)
        .replace("{lang}", lang.as_str())
}

/// A double-quoted YAML scalar.
pub fn yaml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

static EN: Phrases = Phrases {
    titles: [
        "TODO: A short title, such as: Turned down after the final round",
        "TODO: A short title, such as: How to ask for feedback",
        "TODO: A short, practical title, such as: Keep a daily routine",
        "TODO: A short title, such as: After the interview",
    ],
    summary: "TODO: One or two sentences on what this page offers. They are shown in lists and search results.",
    tags_required: "Tags: at least one of {tags}. Their names are in i18n/{lang}/tags.ftl.",
    tags_optional: "Tags (optional): any of {tags}, for example [feedback]. Their names are in i18n/{lang}/tags.ftl.",
    no_tags: "Tags (optional): this site declares none yet; add `tag-<slug> = <name>` to i18n/<lang>/tags.ftl in every language to use one.",
    optional_fields: "Optional fields: delete the # at the start of a line to use it.",
    bodies: [
        "TODO: Introduce the person (a first name is enough, or none at all) and the job they hoped for.

## What happened

TODO: The rejection, in a few short paragraphs. Leave out the names of companies and people unless they are already public.

## What helped

TODO: What they did next, and what changed.

## What you can take from it

TODO: One or two ideas a reader can try. Link to a tip or worksheet by its file path, such as `[Ask for feedback](../tips/seek-feedback.md)`.
",
        "TODO: An opening paragraph: who this article is for and what they will get from it.

## TODO: First heading

TODO: Short paragraphs, one idea each. A list helps when there are steps:

- TODO: a first step
- TODO: a second step

## TODO: Next heading

TODO: More short paragraphs. Link to other pages by their file path, such as `[Ask for feedback](../tips/seek-feedback.md)`.
",
        "TODO: Two to four short paragraphs: the idea, how to try it this week, and what to expect.
",
        "```name-date
```

TODO: One or two sentences: what this worksheet is for and how long it takes.

## TODO: First heading, such as: After the interview

TODO: A question to answer in writing.

```lines 4
```

## TODO: Second heading

TODO: A question that needs more room. The text inside the box is a faint hint.

```box 6
TODO: a hint
```

- [ ] TODO: something to tick off
",
    ],
};

static HI: Phrases = Phrases {
    titles: [
        "TODO: छोटा-सा शीर्षक, जैसे: फ़ाइनल राउंड के बाद रिजेक्शन",
        "TODO: छोटा-सा शीर्षक, जैसे: फ़ीडबैक कैसे माँगें",
        "TODO: छोटा और काम का शीर्षक, जैसे: रोज़ का रूटीन बनाए रखें",
        "TODO: छोटा-सा शीर्षक, जैसे: इंटरव्यू के बाद",
    ],
    summary: "TODO: एक-दो वाक्य कि इस पेज में क्या मिलेगा। ये लिस्ट और सर्च रिज़ल्ट में दिखते हैं।",
    tags_required: "टैग: इनमें से कम से कम एक: {tags}. हर टैग का नाम i18n/{lang}/tags.ftl में है।",
    tags_optional: "टैग (ज़रूरी नहीं): इनमें से कोई भी: {tags}, जैसे [feedback]. हर टैग का नाम i18n/{lang}/tags.ftl में है।",
    no_tags: "टैग (ज़रूरी नहीं): इस साइट में अभी कोई टैग नहीं है; टैग इस्तेमाल करने के लिए हर भाषा की i18n/<lang>/tags.ftl में `tag-<slug> = <नाम>` जोड़ें।",
    optional_fields: "ज़रूरत हो तो ये फ़ील्ड इस्तेमाल करें: लाइन की शुरुआत से # हटा दें।",
    bodies: [
        "TODO: व्यक्ति से परिचय कराएँ (सिर्फ़ पहला नाम काफ़ी है, या कोई नाम नहीं) और बताएँ कि वे किस जॉब की उम्मीद कर रहे थे।

## क्या हुआ

TODO: रिजेक्शन की बात, कुछ छोटे पैराग्राफ़ में। कंपनियों और लोगों के नाम तभी लिखें जब वे पहले से पब्लिक हों।

## किस चीज़ से मदद मिली

TODO: उन्होंने आगे क्या किया, और क्या बदला।

## आप इससे क्या ले सकते हैं

TODO: एक-दो बातें जो पढ़ने वाले आज़मा सकें। किसी टिप या वर्कशीट का लिंक उसकी फ़ाइल के पाथ से दें, जैसे `[फ़ीडबैक माँगें](../tips/seek-feedback.md)`।
",
        "TODO: शुरुआती पैराग्राफ़: यह लेख किसके लिए है और इससे उन्हें क्या मिलेगा।

## TODO: पहली हेडिंग

TODO: छोटे पैराग्राफ़, हर एक में एक बात। कई स्टेप हों तो लिस्ट बनाएँ:

- TODO: पहला स्टेप
- TODO: दूसरा स्टेप

## TODO: अगली हेडिंग

TODO: और छोटे पैराग्राफ़। दूसरे पेजों का लिंक उनकी फ़ाइल के पाथ से दें, जैसे `[फ़ीडबैक माँगें](../tips/seek-feedback.md)`।
",
        "TODO: दो से चार छोटे पैराग्राफ़: बात क्या है, इस हफ़्ते इसे कैसे आज़माएँ, और क्या उम्मीद रखें।
",
        "```name-date
```

TODO: एक-दो वाक्य: यह वर्कशीट किस काम की है और इसमें कितना समय लगता है।

## TODO: पहली हेडिंग, जैसे: इंटरव्यू के बाद

TODO: एक सवाल, जिसका जवाब लिखकर देना है।

```lines 4
```

## TODO: दूसरी हेडिंग

TODO: एक सवाल जिसके लिए ज़्यादा जगह चाहिए। बॉक्स के अंदर लिखा टेक्स्ट हल्के रंग में संकेत की तरह दिखता है।

```box 6
TODO: एक संकेत
```

- [ ] TODO: टिक करने लायक कोई काम
",
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::PLACEHOLDER;
    use crate::content::frontmatter::{Requirements, parse_document};

    fn langs() -> Vec<Lang> {
        vec![Lang::parse("en").unwrap(), Lang::parse("hi").unwrap()]
    }

    /// Every section's page, in both languages, is valid front matter as written.
    #[test]
    fn every_starter_parses() {
        let tags = vec!["feedback".to_string(), "growth".to_string()];
        for section in Section::ALL {
            for f in plan(section, "my-page", &langs(), &tags).unwrap() {
                let doc = parse_document(
                    f.text.as_bytes(),
                    &f.rel,
                    Requirements {
                        tags: section == Section::Tips,
                    },
                )
                .unwrap_or_else(|e| panic!("{}: {e:?}\n{}", f.rel.display(), f.text));
                assert!(doc.front.title.starts_with(PLACEHOLDER));
                let scan = crate::content::markdown::scan(&doc.body, doc.body_offset);
                assert!(scan.problems.is_empty(), "{:?}", scan.problems);
                assert!(scan.links.is_empty(), "a starter must not link anywhere");
                if section == Section::Worksheets {
                    assert_eq!(scan.worksheet_blocks, 3);
                }
            }
        }
    }

    #[test]
    fn tips_take_the_first_declared_tag() {
        let f = &plan(Section::Tips, "rest", &langs()[..1], &["growth".into()]).unwrap()[0];
        assert_eq!(f.rel, PathBuf::from("content/en/tips/rest.md"));
        assert!(f.text.contains("\ntags: [growth]\n"), "{}", f.text);
        assert!(plan(Section::Tips, "rest", &langs(), &[]).is_err());
    }

    #[test]
    fn never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let files = plan(Section::Stories, "a", &langs(), &[]).unwrap();
        std::fs::create_dir_all(dir.path().join("content/hi/stories")).unwrap();
        std::fs::write(dir.path().join("content/hi/stories/a.md"), "mine").unwrap();
        let err = write(dir.path(), &files).unwrap_err().to_string();
        assert!(
            err.contains("`content/hi/stories/a.md` already exists"),
            "{err}"
        );
        assert!(!dir.path().join("content/en/stories/a.md").exists());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("content/hi/stories/a.md")).unwrap(),
            "mine"
        );
    }
}
