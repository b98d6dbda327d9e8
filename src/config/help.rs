//! Stage 0, the `help:` settings: the crisis and support services a site lists on its help
//! page (`/<lang>/help/`) and names in the help line of every page. `RawHelp` mirrors the YAML;
//! [`resolve`] turns it into a validated [`Help`] or an error naming the line and the setting.
//!
//! Which services a page shows: the site's own country (`help.country`, else the country of
//! the first service) comes first, its emergency numbers at the top; services of other
//! countries follow in their own group ("If you are in Pakistan"), in the order they are
//! written. The help line and the help box name one service, `help.featured` (else the first
//! service of the site's country that is not an emergency number), and the box adds the
//! country's first emergency number. Another country's handbook changes only this file.
//!
//! Every service must cite where its numbers come from (`sources`, each with the date it was
//! checked): helpline numbers are facts a reader in distress acts on.

use super::CONFIG_FILE;
use super::locate::{Step, position};
use crate::content::frontmatter::Date;
use crate::diagnostics::terminal_safe;
use crate::model::lang::{Lang, is_kebab_slug};
use anyhow::{Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;

/// `help:` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHelp {
    country: Option<String>,
    featured: Option<String>,
    #[serde(default)]
    services: Vec<RawService>,
}

/// One service as written. Texts are maps from language code to text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawService {
    id: String,
    country: String,
    name: Option<BTreeMap<String, String>>,
    #[serde(default)]
    phones: Vec<String>,
    hours: Option<BTreeMap<String, String>>,
    languages: Option<BTreeMap<String, String>>,
    what: Option<BTreeMap<String, String>>,
    line: Option<BTreeMap<String, String>>,
    url: Option<String>,
    #[serde(default)]
    emergency: bool,
    #[serde(default)]
    sources: Vec<RawSource>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: String,
    url: String,
    /// `YYYY-MM-DD`. YAML reads an unquoted date as text, which is what is wanted here.
    checked: String,
}

/// The help services of a site, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    /// The country the site is written for; its services come first.
    pub country: Country,
    /// In the order written.
    pub services: Vec<Service>,
    /// Index into `services` of the one the help line and help box name.
    pub featured: usize,
}

/// A crisis or support service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub id: String,
    pub country: Country,
    pub name: Texts,
    /// At least one.
    pub phones: Vec<Phone>,
    pub hours: Texts,
    /// Which languages it answers in, where a source says so.
    pub languages: Option<Texts>,
    /// What it is, in a sentence or two.
    pub what: Texts,
    /// The few words the help line puts before the name when this service is featured
    /// ("Free help, day and night").
    pub line: Option<Texts>,
    /// Its official address.
    pub url: Option<String>,
    /// A number for danger right now (112): shown first and most prominently.
    pub emergency: bool,
    /// At least one.
    pub sources: Vec<Source>,
    /// Line of the service's `country:` in `handbook.yaml`, for later messages about it.
    pub country_line: usize,
}

/// A text in every configured language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts(BTreeMap<Lang, String>);

impl Texts {
    /// The text in `lang`; validation made sure every configured language has one.
    pub fn get(&self, lang: &Lang) -> &str {
        self.0.get(lang).map_or("", String::as_str)
    }
}

/// A phone number as people write and dial it (`1-800-891-4416`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub shown: String,
}

impl Phone {
    /// What a `tel:` link dials: the digits, after a leading `+` if there is one.
    pub fn dial(&self) -> String {
        let plus = if self.shown.starts_with('+') { "+" } else { "" };
        let digits: String = self.shown.chars().filter(char::is_ascii_digit).collect();
        format!("{plus}{digits}")
    }
}

/// Where a service's facts were confirmed, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub name: String,
    pub url: String,
    pub checked: Date,
}

/// An ISO 3166-1 alpha-2 country code (`IN`, `PK`); its name in each language is the Fluent
/// message `country-<code>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Country(String);

impl Country {
    fn parse(code: &str) -> Option<Country> {
        (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| Country(code.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Characters a phone number may be written with besides digits.
const PHONE_SEPARATORS: &[char] = &[' ', '-', '.', '(', ')'];

/// `help:` as written, in the file `text`, for a site in `languages`.
pub(super) fn resolve(raw: RawHelp, languages: &[Lang], text: &str) -> Result<Help> {
    let at = Locator { text };
    if raw.services.is_empty() {
        return Err(at.error(
            &[Step::Key("help")],
            "help",
            "list at least one service under `services:`, or leave `help:` out",
        ));
    }
    let mut services: Vec<Service> = Vec::new();
    for (i, s) in raw.services.into_iter().enumerate() {
        let service = resolve_service(s, i, languages, &at)?;
        if services.iter().any(|o| o.id == service.id) {
            let path = service_path(i, "id");
            return Err(at.error(
                &path.steps(),
                &path.name(),
                &format!("`{}` is the id of an earlier service too", service.id),
            ));
        }
        services.push(service);
    }
    let country = match raw.country {
        Some(code) => Country::parse(&code).ok_or_else(|| {
            at.error(
                &[Step::Key("help"), Step::Key("country")],
                "help.country",
                &format!("`{code}` is not a two-letter country code in capitals, like `IN`"),
            )
        })?,
        None => services[0].country.clone(),
    };
    let featured = match raw.featured {
        Some(id) => services.iter().position(|s| s.id == id).ok_or_else(|| {
            at.error(
                &[Step::Key("help"), Step::Key("featured")],
                "help.featured",
                &format!("`{id}` is not the id of a service below"),
            )
        })?,
        None => services
            .iter()
            .position(|s| s.country == country && !s.emergency)
            .or_else(|| services.iter().position(|s| s.country == country))
            .unwrap_or(0),
    };
    Ok(Help {
        country,
        services,
        featured,
    })
}

fn resolve_service(s: RawService, i: usize, languages: &[Lang], at: &Locator) -> Result<Service> {
    let path = |field: &'static str| service_path(i, field);
    let texts = |field: &'static str, map: Option<BTreeMap<String, String>>| {
        resolve_texts(&path(field), map, languages, at)
    };
    if !is_kebab_slug(&s.id) {
        let p = path("id");
        bail!(at.error(
            &p.steps(),
            &p.name(),
            &format!(
                "`{}` must be short and in kebab-case, like `tele-manas`",
                s.id
            ),
        ));
    }
    let country = Country::parse(&s.country).ok_or_else(|| {
        let p = path("country");
        at.error(
            &p.steps(),
            &p.name(),
            &format!(
                "`{}` is not a two-letter country code in capitals, like `IN`",
                s.country
            ),
        )
    })?;
    let name = texts("name", s.name)?;
    let hours = texts("hours", s.hours)?;
    let what = texts("what", s.what)?;
    let languages_text = s
        .languages
        .map(|m| texts("languages", Some(m)))
        .transpose()?;
    let line = s.line.map(|m| texts("line", Some(m))).transpose()?;
    if s.phones.is_empty() {
        let p = path("phones");
        bail!(at.error(
            &service_path(i, "").steps(),
            &p.name(),
            "list at least one number, as it is dialled: `phones: [\"14416\"]`",
        ));
    }
    let mut phones = Vec::new();
    for (n, shown) in s.phones.into_iter().enumerate() {
        if let Err(why) = check_phone(&shown) {
            let p = path("phones");
            let mut steps = p.steps();
            steps.push(Step::Index(n));
            bail!(at.error(&steps, &format!("{}[{n}]", p.name()), &why));
        }
        phones.push(Phone { shown });
    }
    let url = match s.url {
        Some(u) => Some(check_url(&u).map_err(|why| {
            let p = path("url");
            at.error(&p.steps(), &p.name(), &why)
        })?),
        None => None,
    };
    if s.sources.is_empty() {
        let p = path("sources");
        bail!(at.error(
            &service_path(i, "").steps(),
            &p.name(),
            "cite at least one official or reputable source for these numbers, with the date you checked it: \
             `sources: [{ name: …, url: https://…, checked: 2026-12-06 }]`",
        ));
    }
    let mut sources = Vec::new();
    for (n, src) in s.sources.into_iter().enumerate() {
        let p = path("sources");
        let item = |field: &'static str| {
            let mut steps = p.steps();
            steps.push(Step::Index(n));
            steps.push(Step::Key(field));
            (steps, format!("{}[{n}].{field}", p.name()))
        };
        if src.name.trim().is_empty() {
            let (steps, name) = item("name");
            bail!(at.error(&steps, &name, "must not be empty"));
        }
        let url = check_url(&src.url).map_err(|why| {
            let (steps, name) = item("url");
            at.error(&steps, &name, &why)
        })?;
        let checked = Date::parse(src.checked.trim()).ok_or_else(|| {
            let (steps, name) = item("checked");
            at.error(
                &steps,
                &name,
                &format!(
                    "`{}` is not a date written as YYYY-MM-DD, like 2026-12-06",
                    src.checked
                ),
            )
        })?;
        sources.push(Source {
            name: src.name.trim().to_string(),
            url,
            checked,
        });
    }
    Ok(Service {
        id: s.id,
        country,
        name,
        phones,
        hours,
        languages: languages_text,
        what,
        line,
        url,
        emergency: s.emergency,
        sources,
        country_line: position(at.text, &service_path(i, "country").steps()).map_or(0, |p| p.line),
    })
}

/// A text per language: every configured language, and only those.
fn resolve_texts(
    path: &ServicePath,
    map: Option<BTreeMap<String, String>>,
    languages: &[Lang],
    at: &Locator,
) -> Result<Texts> {
    let Some(map) = map else {
        let codes: Vec<&str> = languages.iter().map(Lang::as_str).collect();
        bail!(at.error(
            &ServicePath { field: "", ..*path }.steps(),
            &path.name(),
            &format!(
                "missing: write it in every language, like `{}: {{ {} }}`",
                path.field,
                codes
                    .iter()
                    .map(|c| format!("{c}: …"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    };
    for code in map.keys() {
        if !languages.iter().any(|l| l.as_str() == code) {
            let mut steps = path.steps();
            steps.push(Step::Key(code));
            bail!(at.error(
                &steps,
                &format!("{}.{code}", path.name()),
                &format!("`{code}` is not one of `languages`"),
            ));
        }
    }
    let mut out = BTreeMap::new();
    for lang in languages {
        match map.get(lang.as_str()).map(|t| t.trim()) {
            Some(t) if !t.is_empty() => {
                out.insert(lang.clone(), t.to_string());
            }
            _ => bail!(at.error(
                &path.steps(),
                &path.name(),
                &format!(
                    "no text in `{lang}`: every language of the site needs one (add `{lang}: …`)"
                ),
            )),
        }
    }
    Ok(Texts(out))
}

/// A number people can dial: digits with the usual separators, and a `+` only in front.
fn check_phone(shown: &str) -> Result<(), String> {
    let body = shown.strip_prefix('+').unwrap_or(shown);
    if let Some(c) = body
        .chars()
        .find(|c| !c.is_ascii_digit() && !PHONE_SEPARATORS.contains(c))
    {
        return Err(format!(
            "`{shown}` is not a phone number: `{c}` cannot be dialled (write digits, with spaces, \
             hyphens or brackets between them, and `+` only in front)"
        ));
    }
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if digits < 2 || !body.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
        return Err(format!(
            "`{shown}` is not a phone number: write it as it is dialled, like `14416` or `1-800-891-4416`"
        ));
    }
    Ok(())
}

/// An address a reader may open: `https://` (or `http://`) and nothing that could be read as
/// markup or script.
fn check_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.chars().any(|c| c.is_whitespace() || c.is_control()) => {
            Ok(url.to_string())
        }
        _ => Err(format!(
            "`{url}` is not a web address: write it in full, starting with `https://`"
        )),
    }
}

/// `help.services[i].field`, as a path into the YAML and as the name messages show.
#[derive(Debug, Clone, Copy)]
struct ServicePath {
    index: usize,
    /// Empty for the service itself.
    field: &'static str,
}

fn service_path(index: usize, field: &'static str) -> ServicePath {
    ServicePath { index, field }
}

impl ServicePath {
    fn steps(&self) -> Vec<Step<'static>> {
        let mut steps = vec![
            Step::Key("help"),
            Step::Key("services"),
            Step::Index(self.index),
        ];
        if !self.field.is_empty() {
            steps.push(Step::Key(self.field));
        }
        steps
    }

    fn name(&self) -> String {
        let item = format!("help.services[{}]", self.index);
        if self.field.is_empty() {
            item
        } else {
            format!("{item}.{}", self.field)
        }
    }
}

/// Turns a problem with a setting into an error that names the file, the line and column
/// where it is written, and the setting.
struct Locator<'t> {
    text: &'t str,
}

impl Locator<'_> {
    fn error(&self, steps: &[Step], setting: &str, message: &str) -> anyhow::Error {
        // The nearest enclosing part that is written, when the setting itself is not.
        let pos = (0..=steps.len())
            .rev()
            .find_map(|n| position(self.text, &steps[..n]));
        let loc = pos
            .map(|p| format!(":{}:{}", p.line, p.column))
            .unwrap_or_default();
        // The message quotes the file, which may hold escape sequences a terminal would obey.
        let message = terminal_safe(message);
        anyhow::anyhow!("{CONFIG_FILE}{loc}: `{setting}`: {message}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Config, Overrides};

    const SERVICE: &str = "\
languages: [en, hi]
help:
  country: IN
  services:
    - id: line-one
      country: IN
      name: { en: Line One, hi: लाइन वन }
      phones: [\"14416\", \"1-800-891-4416\"]
      hours: { en: Always, hi: हमेशा }
      what: { en: A line., hi: एक लाइन। }
      sources:
        - { name: A paper, url: \"https://example.org/a\", checked: 2026-12-06 }
";

    fn load(yaml: &str) -> anyhow::Result<Config> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(super::CONFIG_FILE), yaml).unwrap();
        Config::load(dir.path(), &Overrides::default())
    }

    fn error(yaml: &str) -> String {
        format!("{:#}", load(yaml).expect_err("an error"))
    }

    #[test]
    fn a_service_resolves_with_dial_strings_and_defaults() {
        let c = load(SERVICE).unwrap();
        let help = c.help.expect("help");
        assert_eq!(help.country.as_str(), "IN");
        assert_eq!(help.featured, 0);
        let s = &help.services[0];
        assert_eq!(s.phones[1].dial(), "18008914416");
        assert_eq!(s.name.get(&c.languages[1]), "लाइन वन");
        assert!(s.languages.is_none() && s.url.is_none() && !s.emergency);
        assert_eq!(s.sources[0].checked.iso(), "2026-12-06");
        assert_eq!(s.country_line, 6);
    }

    #[test]
    fn without_help_there_is_none() {
        assert!(load("languages: [en]\n").unwrap().help.is_none());
    }

    #[test]
    fn featured_defaults_to_the_first_home_service_that_is_not_an_emergency() {
        let sos = "    - id: sos\n      country: IN\n      emergency: true\n      name: { en: SOS, hi: SOS }\n      phones: [\"112\"]\n      hours: { en: A, hi: B }\n      what: { en: A, hi: B }\n      sources: [{ name: N, url: \"https://x.org\", checked: 2026-01-01 }]\n";
        let abroad = sos
            .replace("id: sos", "id: abroad")
            .replace("country: IN", "country: PK")
            .replace("      emergency: true\n", "");
        // An emergency number and another country's service first: neither is featured, and
        // without `help.country` the first service's country is the site's.
        let yaml = SERVICE.replace(
            "  country: IN\n  services:\n",
            &format!("  services:\n{sos}{abroad}"),
        );
        let help = load(&yaml).unwrap().help.unwrap();
        assert_eq!(help.country.as_str(), "IN");
        assert_eq!(help.services[help.featured].id, "line-one");
        let err = error(&SERVICE.replace("help:\n", "help:\n  featured: nope\n"));
        assert!(err.starts_with("handbook.yaml:3:"), "{err}");
        assert!(err.contains("`help.featured`"), "{err}");
        assert!(err.contains("`nope`"), "{err}");
    }

    #[test]
    fn a_missing_language_names_line_and_field() {
        let err =
            error(&SERVICE.replace("hours: { en: Always, hi: हमेशा }", "hours: { en: Always }"));
        assert!(err.starts_with("handbook.yaml:9:"), "{err}");
        assert!(err.contains("`help.services[0].hours`"), "{err}");
        assert!(err.contains("no text in `hi`"), "{err}");
        let err = error(&SERVICE.replace(
            "hours: { en: Always, hi: हमेशा }",
            "hours: { en: Always, hi: \" \" }",
        ));
        assert!(err.contains("no text in `hi`"), "{err}");
        let err = error(&SERVICE.replace("      hours: { en: Always, hi: हमेशा }\n", ""));
        assert!(err.starts_with("handbook.yaml:5:"), "{err}");
        assert!(err.contains("`help.services[0].hours`: missing"), "{err}");
        let err = error(&SERVICE.replace("hi: लाइन वन", "mr: लाइन वन"));
        assert!(err.contains("`help.services[0].name.mr`"), "{err}");
        assert!(err.starts_with("handbook.yaml:7:"), "{err}");
    }

    #[test]
    fn phone_numbers_must_be_dialable() {
        for bad in [
            "call 14416",
            "14416#",
            "1",
            "+",
            "++91 1",
            "-112",
            "14416 ext. 2",
        ] {
            let err = error(&SERVICE.replace("\"1-800-891-4416\"", &format!("{bad:?}")));
            assert!(err.starts_with("handbook.yaml:8:"), "{bad}: {err}");
            assert!(err.contains("`help.services[0].phones[1]`"), "{bad}: {err}");
            assert!(err.contains("not a phone number"), "{bad}: {err}");
        }
        for good in ["+92 21 111 222", "(022) 2754 6669", "1.800.891.4416"] {
            let c = load(&SERVICE.replace("\"1-800-891-4416\"", &format!("{good:?}")));
            assert!(c.is_ok(), "{good}: {:?}", c.err());
        }
        assert_eq!(
            super::Phone {
                shown: "+92 (21) 111-222".into()
            }
            .dial(),
            "+9221111222"
        );
        let err = error(&SERVICE.replace("phones: [\"14416\", \"1-800-891-4416\"]", "phones: []"));
        assert!(err.contains("`help.services[0].phones`"), "{err}");
    }

    #[test]
    fn sources_are_required_with_web_addresses_and_dates() {
        let err = error(&SERVICE.replace("checked: 2026-12-06", "checked: 6 December"));
        assert!(err.starts_with("handbook.yaml:12:"), "{err}");
        assert!(
            err.contains("`help.services[0].sources[0].checked`"),
            "{err}"
        );
        let err = error(&SERVICE.replace("\"https://example.org/a\"", "\"javascript:alert(1)\""));
        assert!(err.contains("`help.services[0].sources[0].url`"), "{err}");
        assert!(err.contains("not a web address"), "{err}");
        let no_sources = SERVICE
            .lines()
            .filter(|l| !l.contains("sources") && !l.contains("A paper"))
            .collect::<Vec<_>>()
            .join("\n");
        let err = error(&no_sources);
        assert!(err.contains("`help.services[0].sources`"), "{err}");
        assert!(err.contains("official or reputable source"), "{err}");
    }

    #[test]
    fn quoted_settings_cannot_drive_the_terminal() {
        let err = error(&SERVICE.replace("\"1-800-891-4416\"", "\"1-800\\u001b[2J\""));
        assert!(!err.contains('\u{1b}'), "{err:?}");
        assert!(err.contains("1-800␛[2J"), "{err}");
    }

    #[test]
    fn ids_countries_and_unknown_fields() {
        let err = error(&SERVICE.replace("country: IN\n      name", "country: India\n      name"));
        assert!(err.contains("`help.services[0].country`"), "{err}");
        assert!(err.starts_with("handbook.yaml:6:"), "{err}");
        let err = error(&SERVICE.replace("id: line-one", "id: Line One"));
        assert!(err.contains("`help.services[0].id`"), "{err}");
        let twice = format!("{SERVICE}{}", &SERVICE[SERVICE.find("    - id").unwrap()..]);
        let err = error(&twice);
        assert!(err.contains("`help.services[1].id`"), "{err}");
        assert!(err.contains("earlier service"), "{err}");
        // Unknown keys are serde's to report, with their line.
        let err = error(&SERVICE.replace("      hours:", "      opening: x\n      hours:"));
        assert!(err.starts_with("handbook.yaml:9:"), "{err}");
        assert!(err.contains("unknown field `opening`"), "{err}");
        let err = error("help:\n  services: []\n");
        assert!(err.contains("`help`"), "{err}");
    }
}
