//! `handbook check` validates a site's search synonyms (`i18n/synonyms.txt`): each bad line is
//! an error with file and line, and the run fails; a good file adds nothing.

use crate::support::*;

#[test]
fn check_reports_bad_synonym_lines_with_file_and_line() {
    let site = copy_fixture("basic");
    std::fs::create_dir_all(site.path().join("i18n")).unwrap();
    std::fs::write(
        site.path().join("i18n/synonyms.txt"),
        "# a comment\njob = naukri = नौकरी\nlonely\nx = the\nlayoff = छँटनी = \n",
    )
    .unwrap();
    let o = handbook(site.path(), &["check", "--format", "github"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{out}");
    let errors: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("::error file=i18n/synonyms.txt"))
        .collect();
    assert_eq!(errors.len(), 3, "{out}");
    assert!(errors[0].starts_with("::error file=i18n/synonyms.txt,line=3::"));
    assert!(errors[0].contains("at least two entries"), "{out}");
    assert!(errors[1].contains("line=4::") && errors[1].contains("only function words"));
    assert!(errors[2].contains("line=5::") && errors[2].contains("empty"));
}

#[test]
fn a_good_synonyms_file_adds_no_diagnostic() {
    let site = copy_fixture("basic");
    std::fs::create_dir_all(site.path().join("i18n")).unwrap();
    std::fs::write(
        site.path().join("i18n/synonyms.txt"),
        "salary = पगार = तनख़्वाह\nghosted = जवाब नहीं आया\n",
    )
    .unwrap();
    let o = handbook(site.path(), &["check", "--format", "github"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!out.contains("synonyms"), "{out}");
}

#[test]
fn the_handbooks_own_synonyms_pass_check() {
    let text = std::fs::read_to_string(repo_root().join("i18n/synonyms.txt")).unwrap();
    assert!(handbook::search::synonyms::parse(&text).is_ok());
    assert_eq!(
        text,
        handbook::search::synonyms::BUILTIN,
        "the binary embeds the file"
    );
}
