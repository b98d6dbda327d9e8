//! The word lists (`i18n/<lang>/words.txt`, format in CONTRIBUTING.md "Word lists"): `check`
//! warns on every variant in a page's title, summary and text and in the messages, with file,
//! line, column and the preferred form, and never on code or link addresses.

use crate::support::*;

#[test]
fn check_warns_on_variants_with_the_preferred_form() {
    let site = copy_fixture("basic");
    let root = site.path();
    std::fs::create_dir_all(root.join("i18n/en")).unwrap();
    std::fs::write(
        root.join("i18n/hi/words.txt"),
        "# list\nख़ुद <- खुद\nफ़ीडबैक <- फीडबैक\n",
    )
    .unwrap();
    std::fs::write(root.join("i18n/en/words.txt"), "resume <- résumé\n").unwrap();
    std::fs::write(
        root.join("content/hi/stories/first-no.md"),
        "---\ntitle: खुद से बात\nsummary: फीडबैक माँगें।\nillustrative: true\n---\n\
         उसने खुद ईमेल पढ़ा, `खुद` कोड में, [यह लिंक](https://example.org/खुद) और ख़ुद।\n\n\
         ```\nखुद\n```\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/en/stories/first-no.md"),
        "---\ntitle: The first no\nsummary: S.\nillustrative: true\n---\nMy résumé, `résumé`.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("i18n/hi/tags.ftl"),
        "tag-feedback = फीडबैक\ntag-self-care = देखभाल\n",
    )
    .unwrap();
    let o = handbook(root, &["check", "--format", "github"]);
    assert_eq!(o.status.code(), Some(0), "word warnings do not fail check");
    let out = String::from_utf8_lossy(&o.stdout);
    let found: Vec<&str> = out.lines().filter(|l| l.contains("words.txt")).collect();
    assert_eq!(
        found,
        [
            "::warning file=content/en/stories/first-no.md,line=6,col=4::\"résumé\": write \"resume\" (i18n/en/words.txt:1)",
            // The fixture's own pages write it too.
            "::warning file=content/hi/_index.md,line=5,col=21::\"फीडबैक\": write \"फ़ीडबैक\" (i18n/hi/words.txt:3)",
            "::warning file=content/hi/stories/first-no.md,line=2,col=8::\"खुद\": write \"ख़ुद\" (i18n/hi/words.txt:2)",
            "::warning file=content/hi/stories/first-no.md,line=3,col=10::\"फीडबैक\": write \"फ़ीडबैक\" (i18n/hi/words.txt:3)",
            "::warning file=content/hi/stories/first-no.md,line=6,col=14::\"खुद\": write \"ख़ुद\" (i18n/hi/words.txt:2)",
            "::warning file=content/hi/tips/seek-feedback.md,line=2,col=8::\"फीडबैक\": write \"फ़ीडबैक\" (i18n/hi/words.txt:3)",
            "::warning file=i18n/hi/tags.ftl,line=1,col=16::\"फीडबैक\": write \"फ़ीडबैक\" (i18n/hi/words.txt:3)",
        ],
        "{out}"
    );
    let strict = handbook(root, &["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn a_broken_rule_is_a_warning_on_the_list() {
    let site = copy_fixture("basic");
    std::fs::write(
        site.path().join("i18n/hi/words.txt"),
        "ख़ुद <- खुद\nno arrow here\nख़ास <- खुद\n",
    )
    .unwrap();
    let out =
        String::from_utf8_lossy(&handbook(site.path(), &["check", "--format", "github"]).stdout)
            .into_owned();
    assert!(
        out.contains("::warning file=i18n/hi/words.txt,line=2::a rule is"),
        "{out}"
    );
    assert!(
        out.contains(
            "::warning file=i18n/hi/words.txt,line=3::\"खुद\" is already a variant on line 1"
        ),
        "{out}"
    );
}

/// The handbook's own lists parse without a problem, and its content follows them.
#[test]
fn the_handbooks_own_lists_are_clean() {
    let o = handbook(repo_root(), &["check", "--format", "github"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("words.txt"), "{out}");
}
