//! Sharding (third step of [`super::build_index`]): the sorted entries of one kind (terms or
//! romanised keys) grouped into files of about [`SHARD_TARGET_BYTES`] by key prefix.
//!
//! Input: `(key, entry as script-safe JSON)` sorted by key. Output: the shard files, handed to
//! the sink as each is complete, and the manifest's `[[key, N], …]` list that tells the query
//! side which file holds a key (see [`super::format`]).

use std::collections::BTreeMap;

use serde_json::json;

use super::IndexFile;
use super::format::{js_json, shard_file};

/// Consecutive keys are packed into one shard file until it reaches about this many bytes.
const SHARD_TARGET_BYTES: usize = 12_000;
/// A single key bigger than this is split by one more code point (up to [`MAX_KEY_CHARS`]).
const SHARD_SPLIT_BYTES: usize = 16_000;
const MAX_KEY_CHARS: usize = 3;

/// Splits `entries` ((key, entry as script-safe JSON), sorted by key) into shard files
/// (`<lang>/<kind><N>.js`), each handed to `sink` when complete, and returns the manifest's
/// `[[key, N], …]` list. Each entry's text is freed once it is in its shard.
pub(super) fn write_shards<E>(
    lang: &str,
    kind: &str,
    entries: Vec<(String, String)>,
    sink: &(dyn Fn(IndexFile) -> Result<(), E> + Sync),
) -> Result<Vec<(String, usize)>, E> {
    debug_assert!(
        entries.windows(2).all(|w| w[0].0 < w[1].0),
        "keys sorted, each once"
    );
    let (keys, mut texts): (Vec<String>, Vec<Option<String>>) =
        entries.into_iter().map(|(k, v)| (k, Some(v))).unzip();
    // Sized entries, so that grouping does not serialise twice.
    let sized: Vec<(&str, usize)> = keys
        .iter()
        .zip(&texts)
        .map(|(k, v)| (k.as_str(), k.len() + v.as_ref().map_or(0, String::len) + 4))
        .collect();
    let mut keyed: Vec<(String, Vec<usize>)> = Vec::new();
    split_keys(&sized, (0..sized.len()).collect(), 1, &mut keyed);

    let mut out = Vec::new();
    let mut file_no = 0usize;
    let mut current: Vec<usize> = Vec::new();
    let mut current_bytes = 0usize;
    let mut flush = |file_no: usize, members: &mut Vec<usize>| {
        // The JSON object of the members, keys in order as serde_json writes a map.
        members.sort_by_key(|&i| sized[i].0);
        let mut map = String::from("{");
        for (n, &i) in members.iter().enumerate() {
            if n > 0 {
                map.push(',');
            }
            map.push_str(&js_json(&json!(sized[i].0)));
            map.push(':');
            map.push_str(
                &texts[i]
                    .take()
                    .expect("every entry goes into exactly one shard"),
            );
        }
        map.push('}');
        sink(shard_file(lang, kind, file_no, &map))
    };
    for (key, members) in keyed {
        let bytes: usize = members.iter().map(|&i| sized[i].1).sum();
        if !current.is_empty() && current_bytes + bytes > SHARD_TARGET_BYTES {
            flush(file_no, &mut current)?;
            file_no += 1;
            current.clear();
            current_bytes = 0;
        }
        current.extend(members);
        current_bytes += bytes;
        out.push((key, file_no));
    }
    if !current.is_empty() {
        flush(file_no, &mut current)?;
    }
    Ok(out)
}

/// Groups entries (sorted by key) by their first `depth` code points, splitting a group one
/// code point deeper when it is too big. Appends `(key, members)` in key order.
fn split_keys(
    sized: &[(&str, usize)],
    members: Vec<usize>,
    depth: usize,
    out: &mut Vec<(String, Vec<usize>)>,
) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for i in members {
        let key: String = sized[i].0.chars().take(depth).collect();
        groups.entry(key).or_default().push(i);
    }
    for (key, group) in groups {
        let bytes: usize = group.iter().map(|&i| sized[i].1).sum();
        let can_split =
            depth < MAX_KEY_CHARS && group.iter().any(|&i| sized[i].0.chars().count() > depth);
        if bytes > SHARD_SPLIT_BYTES && can_split {
            // Terms no longer than the key stay under the key itself; longer ones go deeper.
            let (short, long): (Vec<usize>, Vec<usize>) = group
                .into_iter()
                .partition(|&i| sized[i].0.chars().count() <= depth);
            if !short.is_empty() {
                out.push((key, short));
            }
            split_keys(sized, long, depth + 1, out);
        } else {
            out.push((key, group));
        }
    }
}
