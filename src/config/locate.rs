//! Stage 0, for messages about `handbook.yaml`: where in the file a setting is written.
//!
//! Settings are checked after serde has read them (`RawConfig` → `Config`), when their
//! positions are gone, yet a contributor needs the line of the setting that is wrong. Rather
//! than a second YAML parser, the file is walked once more by serde_yaml itself with a probe
//! that stops, with an error, exactly at the setting: serde_yaml gives every error the
//! position of the value (or key) it was reading, whatever the style (block or `{ flow }`),
//! comments, anchors or multi-line strings around it.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// One step of a path into the YAML document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// The value under a mapping key.
    Key(&'a str),
    /// An item of a list, counted from 0.
    Index(usize),
}

/// A position in the file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// Where `path` is written in the YAML `text`: the key itself when the path ends with a key
/// (the line to look at for a wrong or incomplete value), the start of the item when it ends
/// with an index. `None` when the path is not in the document.
pub fn position(text: &str, path: &[Step]) -> Option<Pos> {
    let de = serde_yaml::Deserializer::from_str(text);
    match Probe(path).deserialize(de) {
        Ok(()) => None,
        Err(e) if e.to_string().contains(FOUND) => e.location().map(|l| Pos {
            line: l.line(),
            column: l.column(),
        }),
        Err(_) => None,
    }
}

/// The message of the error the probe raises when it arrives; any other error is the YAML's.
const FOUND: &str = "\u{0}handbook-probe-found\u{0}";

/// Follows `path` through the document; ignores everything beside it.
struct Probe<'p, 'a>(&'p [Step<'a>]);

impl<'de> DeserializeSeed<'de> for Probe<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.0.is_empty() {
            // Fail while serde_yaml reads the value, so the error carries its position.
            return d.deserialize_any(Arrived);
        }
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Probe<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (first, rest) = (self.0[0], &self.0[1..]);
        let Step::Key(want) = first else {
            return drain_map(map);
        };
        while let Some(matched) = map.next_key_seed(KeyProbe {
            want,
            stop: rest.is_empty(),
        })? {
            if matched {
                map.next_value_seed(Probe(rest))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Step::Index(want) = self.0[0] else {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(());
        };
        let mut i = 0;
        loop {
            let found = if i == want {
                seq.next_element_seed(Probe(&self.0[1..]))?
            } else {
                seq.next_element::<IgnoredAny>()?.map(|_| ())
            };
            if found.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    // A scalar where the path goes deeper: the path is not in the document.
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        // A `!tag` value: nothing the configuration uses.
        Ok(())
    }
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Reads a mapping key: whether it is the one wanted, or, when the path ends there (`stop`),
/// the probe's error at the key's own position.
struct KeyProbe<'a> {
    want: &'a str,
    stop: bool,
}

impl<'de> DeserializeSeed<'de> for KeyProbe<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyProbe<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        match (key == self.want, self.stop) {
            (true, true) => Err(E::custom(FOUND)),
            (matched, _) => Ok(matched),
        }
    }
    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<bool, A::Error> {
        drain_map(map).map(|()| false)
    }
}

/// The value at the end of the path: stop here, with the probe's error.
struct Arrived;

impl<'de> Visitor<'de> for Arrived {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Err(E::custom(FOUND))
    }
    fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(de::Error::custom(FOUND))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(de::Error::custom(FOUND))
    }
}

#[cfg(test)]
mod tests {
    use super::Step::{Index, Key};
    use super::*;

    const YAML: &str = "\
# a comment
title:
  en: T
help:
  country: IN
  services:
    - id: one
      name: { en: One, hi: एक }
      phones: [\"14416\", \"1-800\"]
      what: >
        name: not a key, only text
        over two lines
    - { id: two, name: { en: Two } }
    -
      id: three
      name:
        en: Three
";

    fn line(path: &[Step]) -> Option<usize> {
        position(YAML, path).map(|p| p.line)
    }

    #[test]
    fn keys_and_items_in_block_and_flow_style() {
        assert_eq!(line(&[Key("title")]), Some(2));
        assert_eq!(line(&[Key("title"), Key("en")]), Some(3));
        assert_eq!(line(&[Key("help"), Key("services")]), Some(6));
        assert_eq!(line(&[Key("help"), Key("services"), Index(0)]), Some(7));
        assert_eq!(
            line(&[Key("help"), Key("services"), Index(0), Key("name")]),
            Some(8)
        );
        assert_eq!(
            line(&[
                Key("help"),
                Key("services"),
                Index(0),
                Key("phones"),
                Index(1)
            ]),
            Some(9)
        );
        assert_eq!(
            position(
                YAML,
                &[
                    Key("help"),
                    Key("services"),
                    Index(0),
                    Key("phones"),
                    Index(1)
                ]
            )
            .map(|p| p.column),
            Some(25)
        );
        // Text that looks like a key inside a folded string is text.
        assert_eq!(
            line(&[Key("help"), Key("services"), Index(0), Key("what")]),
            Some(10)
        );
        assert_eq!(
            line(&[Key("help"), Key("services"), Index(1), Key("name")]),
            Some(13)
        );
        assert_eq!(
            line(&[Key("help"), Key("services"), Index(2), Key("name")]),
            Some(16)
        );
        assert_eq!(
            line(&[
                Key("help"),
                Key("services"),
                Index(2),
                Key("name"),
                Key("en")
            ]),
            Some(17)
        );
    }

    #[test]
    fn missing_paths() {
        assert_eq!(line(&[Key("nothing")]), None);
        assert_eq!(line(&[Key("help"), Key("services"), Index(9)]), None);
        assert_eq!(line(&[Key("title"), Key("en"), Key("deeper")]), None);
    }
}
