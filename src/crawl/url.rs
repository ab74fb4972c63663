//! One spelling per page: the URL form under which the frontier and the store know it.

use url::Url;

/// Query parameters that only say where a visitor came from: the same page with or
/// without them is fetched once.
const TRACKING: &[&str] = &[
    "fbclid",
    "gclid",
    "gclsrc",
    "yclid",
    "dclid",
    "msclkid",
    "wbraid",
    "gbraid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "igshid",
    "ref_src",
    "spm",
    "_openstat",
    "ysclid",
    "twclid",
    "ttclid",
    "li_fat_id",
    "s_cid",
    "mkt_tok",
    "_hsenc",
    "_hsmi",
    "vero_id",
    "oly_enc_id",
    "oly_anon_id",
    "rb_clickid",
];

fn is_tracking(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.starts_with("utm_") || TRACKING.contains(&k.as_str())
}

/// The canonical form of a link: resolved against `base`, http(s) only, no fragment, no
/// default port, no tracking parameters, the rest of the query sorted by key (stable, so
/// repeated keys keep their order). `None` for what cannot be fetched (`javascript:`,
/// `mailto:`, garbage).
pub fn canonicalize(raw: &str, base: Option<&Url>) -> Option<Url> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let mut u = match base {
        Some(b) => b.join(raw).ok()?,
        None => Url::parse(raw).ok()?,
    };
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none_or(str::is_empty) {
        return None;
    }
    u.set_fragment(None);
    // The url crate already drops a port equal to the scheme's default on parse; this
    // covers a base that was built by hand.
    if u.port().is_some() && u.port() == default_port(u.scheme()) {
        let _ = u.set_port(None);
    }
    if u.query().is_some() {
        let mut pairs: Vec<(String, String)> = u
            .query_pairs()
            .filter(|(k, _)| !is_tracking(k))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if pairs.is_empty() {
            u.set_query(None);
        } else {
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            u.query_pairs_mut().clear().extend_pairs(pairs);
        }
    }
    Some(u)
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(raw: &str) -> Option<String> {
        canonicalize(raw, None).map(String::from)
    }

    #[test]
    fn utm_variants_give_one_url() {
        let want = c("https://news.kz/a/1?id=7").unwrap();
        for v in [
            "https://news.kz/a/1?id=7&utm_source=tg",
            "https://news.kz/a/1?utm_source=fb&utm_medium=social&id=7",
            "https://NEWS.kz:443/a/1?id=7&fbclid=abc#comments",
            "  https://news.kz/a/1?UTM_Campaign=x&id=7&gclid=1&yclid=2  ",
            "HTTPS://news.kz/a/1?id=7&_ga=1.2&_gl=3&igshid=4&spm=5&ref_src=twsrc",
        ] {
            assert_eq!(c(v).as_deref(), Some(want.as_str()), "{v}");
        }
        assert_eq!(want, "https://news.kz/a/1?id=7");
    }

    #[test]
    fn not_fetchable_is_none() {
        for v in [
            "javascript:void(0)",
            "mailto:press@police.kz",
            "tel:+77172",
            "ftp://x.kz/f",
            "",
            "   ",
            "data:text/html,hi",
        ] {
            assert_eq!(c(v), None, "{v}");
        }
        let base = Url::parse("https://news.kz/").unwrap();
        assert_eq!(canonicalize("javascript:alert(1)", Some(&base)), None);
        assert_eq!(canonicalize("mailto:a@b.kz", Some(&base)), None);
    }

    #[test]
    fn relative_resolved_against_base() {
        let base = Url::parse("https://news.kz/ru/list/?page=2").unwrap();
        let f = |r| canonicalize(r, Some(&base)).map(String::from);
        assert_eq!(f("../a/5").as_deref(), Some("https://news.kz/ru/a/5"));
        assert_eq!(f("/a/5#x").as_deref(), Some("https://news.kz/a/5"));
        assert_eq!(
            f("?page=3").as_deref(),
            Some("https://news.kz/ru/list/?page=3")
        );
        assert_eq!(f("//cdn.kz/x").as_deref(), Some("https://cdn.kz/x"));
        assert_eq!(
            f("#top").as_deref(),
            Some("https://news.kz/ru/list/?page=2")
        );
    }

    #[test]
    fn query_sorted_stably_and_empty_dropped() {
        assert_eq!(
            c("http://a.kz/s?b=2&a=1&b=1&c").as_deref(),
            Some("http://a.kz/s?a=1&b=2&b=1&c=")
        );
        assert_eq!(c("http://a.kz/s?").as_deref(), Some("http://a.kz/s"));
        assert_eq!(c("http://a.kz/s?utm_x=1").as_deref(), Some("http://a.kz/s"));
    }

    #[test]
    fn scheme_host_port_case() {
        assert_eq!(
            c("HTTP://Tengri.KZ:80/News").as_deref(),
            Some("http://tengri.kz/News")
        );
        assert_eq!(
            c("https://a.kz:8443/").as_deref(),
            Some("https://a.kz:8443/")
        );
        assert_eq!(c("https://a.kz").as_deref(), Some("https://a.kz/"));
    }

    #[test]
    fn percent_encoding_normalised() {
        assert_eq!(
            c("https://a.kz/новости?q=полиция").as_deref(),
            Some("https://a.kz/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8?q=%D0%BF%D0%BE%D0%BB%D0%B8%D1%86%D0%B8%D1%8F")
        );
        assert_eq!(c("https://a.kz/a b").as_deref(), Some("https://a.kz/a%20b"));
    }
}
