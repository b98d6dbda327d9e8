//! Compact number lists for the index files: unsigned numbers as base-32 varints written with
//! 64 characters that need no escaping in JSON or in a `<script>` (`0-9A-Za-z-_`).
//!
//! Why: posting lists are most of the index, and as JSON arrays of decimal numbers with commas
//! (`[7,160,9,168]`) a posting took about eight bytes; as deltas in these digits it takes two
//! to four, and the query side decodes it back into the same arrays (`js/search/50-load.js`,
//! `decodeNums`), so ranking code sees no difference.
//!
//! A number is written five bits at a time, least significant first; a digit of value 32–63
//! carries five bits and says more digits follow, a digit of value 0–31 is the last.

/// The 64 digits, by value.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Appends `n` to `out` as a varint.
pub(super) fn push_num(out: &mut String, mut n: u64) {
    while n >= 32 {
        out.push(DIGITS[(32 | (n & 31)) as usize] as char);
        n >>= 5;
    }
    out.push(DIGITS[n as usize] as char);
}

/// A signed number folded onto the unsigned ones (0, -1, 1, -2, … → 0, 1, 2, 3, …).
pub(super) fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

/// Sorted document numbers as gaps: the first number, then each minus the one before.
pub(super) fn encode_sorted(docs: &[u32]) -> String {
    let mut out = String::with_capacity(docs.len() * 2);
    let mut last = 0u32;
    for &d in docs {
        push_num(&mut out, u64::from(d - last));
        last = d;
    }
    out
}

/// Flat postings `[doc, weight, doc, weight, …]` (documents ascending, weights non-zero,
/// negative for a title hit): per posting the gap to the previous document, then the weight
/// as `|w| * 2 + (1 if w < 0)`.
pub(super) fn encode_postings(flat: &[i64]) -> String {
    let mut out = String::with_capacity(flat.len() * 2);
    let mut last = 0i64;
    for pair in flat.chunks_exact(2) {
        let (doc, w) = (pair[0], pair[1]);
        push_num(&mut out, (doc - last) as u64);
        last = doc;
        push_num(&mut out, w.unsigned_abs() * 2 + u64::from(w < 0));
    }
    out
}

/// Decodes a string of varints (the inverse of [`push_num`] repeated); for tests.
#[cfg(test)]
pub(super) fn decode(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let (mut n, mut shift) = (0u64, 0);
    for c in text.bytes() {
        let v = DIGITS.iter().position(|&d| d == c).expect("a digit") as u64;
        n |= (v & 31) << shift;
        if v < 32 {
            out.push(n);
            n = 0;
            shift = 0;
        } else {
            shift += 5;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        let nums = [0u64, 1, 31, 32, 33, 1023, 1024, 65_535, u64::from(u32::MAX)];
        let mut text = String::new();
        for &n in &nums {
            push_num(&mut text, n);
        }
        assert_eq!(decode(&text), nums);
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(zigzag(0), 0);
        assert_eq!(zigzag(-1), 1);
        assert_eq!(zigzag(1), 2);
    }

    #[test]
    fn postings_and_doc_lists_round_trip() {
        let flat = [3i64, 160, 4, -512, 900, 1];
        assert_eq!(decode(&encode_postings(&flat)), [3, 320, 1, 1025, 896, 2]);
        assert_eq!(decode(&encode_sorted(&[2, 5, 5000])), [2, 3, 4995]);
    }
}
