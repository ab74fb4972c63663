//! Which encoding a page's bytes are in, and its text.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// How far into the bytes a `<meta charset>` is looked for.
const PRESCAN: usize = 4096;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#).unwrap()
});

/// The charset parameter of a Content-Type value (`text/html; charset=windows-1251`).
fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let i = lower.find("charset")?;
    let rest = lower[i + 7..].trim_start().strip_prefix('=')?.trim_start();
    let value: String = rest
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "-_:.".contains(*c))
        .collect();
    Encoding::for_label(value.as_bytes())
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let c = META_CHARSET.captures(head)?;
    let enc = Encoding::for_label(c.get(1)?.as_bytes())?;
    // As the HTML standard says: a page that declares UTF-16 in ASCII is not UTF-16.
    Some(
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            UTF_8
        } else if enc == encoding_rs::X_USER_DEFINED {
            WINDOWS_1252
        } else {
            enc
        },
    )
}

/// The top-level domain of a URL, as a hint for detection.
fn tld(url: Option<&str>) -> Option<Vec<u8>> {
    let url = url?;
    let host = url.split("://").nth(1).unwrap_or(url);
    let host = host.split(['/', ':', '?', '#']).next()?;
    let tld = host.rsplit('.').next()?;
    (!tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| tld.to_ascii_lowercase().into_bytes())
}

/// Decide the encoding: byte-order mark, then the Content-Type header, then `<meta>` in
/// the first 4 KB (HTML only), then UTF-8 if the bytes are UTF-8 (a few broken sequences
/// allowed: a copy-paste accident should not turn Russian into Chinese), then detection.
pub fn sniff(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&str>,
    html: bool,
) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = content_type.and_then(header_charset) {
        return enc;
    }
    if html {
        if let Some(enc) = meta_charset(bytes) {
            return enc;
        }
    }
    if mostly_utf8(bytes) {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let tld = tld(url);
    det.guess(tld.as_deref(), true)
}

/// Decode `bytes` as `enc`, dropping a BOM; malformed sequences become U+FFFD.
pub fn decode<'a>(bytes: &'a [u8], enc: &'static Encoding) -> Cow<'a, str> {
    let (text, _) = enc.decode_with_bom_removal(bytes);
    text
}

/// Valid UTF-8, or UTF-8 whose multi-byte sequences are mostly valid: at least 4 good ones
/// for each broken one. Text in a legacy single-byte charset almost never forms a valid
/// sequence (two Cyrillic letters in windows-1251 are two lead bytes in a row), so even a
/// short line with a pasted stray byte stays UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|b| *b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                good += valid.iter().filter(|b| **b >= 0xC0).count();
                bad += 1;
                // A sequence cut short by the end of the input is not an error of the text.
                let Some(len) = e.error_len() else { break };
                rest = &after[len..];
            }
        }
    }
    bad == 0 || good >= 4 * bad
}
