//! One walk over the parsed tree: elements with their boilerplate marks, text blocks with
//! their link text, and the metadata the head and the body carry.

use aho_corasick::AhoCorasick;
use ego_tree::iter::Edge;
use ego_tree::NodeId;
use scraper::{Html, Node};
use std::sync::LazyLock;

pub const NONE: u32 = u32::MAX;

/// What kind of element, as far as main-text finding cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Inline: text flows through it into the enclosing block.
    Inline,
    /// A paragraph-like block: p, li, dd, blockquote, pre, td …
    Para,
    /// A heading h1–h6 (level kept apart).
    Heading(u8),
    /// A container: div, section, article, main, ul …
    Container,
}

#[derive(Debug, Clone)]
pub struct Elem {
    pub node: NodeId,
    pub parent: u32,
    /// One past the index of the last element inside this one.
    pub end: u32,
    pub kind: Kind,
    pub tag: &'static str,
    /// What its own class, id, tag and role say.
    pub boiler: Boiler,
    /// A `Sure` verdict that only class/id words gave (no tag or role): such a word on
    /// a wrapper around most of the page ("ad-portal", "has-ads") names its ad slots,
    /// not the wrapper.
    pub by_words: bool,
    /// Own class/id/itemprop say article body.
    pub positive: bool,
    /// Nearest boilerplate ancestor-or-self.
    pub boiler_anc: u32,
    /// Text and link-text characters inside.
    pub chars: u32,
    pub link_chars: u32,
}

#[derive(Debug, Clone)]
pub struct Block {
    /// The innermost block element the text sits in.
    pub owner: u32,
    pub text: String,
    pub chars: u32,
    pub link_chars: u32,
    /// All the text is inside `<strong>`/`<b>`.
    pub all_bold: bool,
}

#[derive(Debug, Default)]
pub struct Meta {
    pub html_lang: Option<String>,
    pub title_tag: Option<String>,
    /// (name or property, content) of `<meta>`, lower-cased names.
    pub metas: Vec<(String, String)>,
    pub json_ld: Vec<String>,
    /// (element index, datetime) of `<time datetime>` and `itemprop=datePublished`.
    pub times: Vec<(u32, String)>,
    pub h1: Option<(u32, String)>,
    /// `href` of the first `<link rel=canonical>`, as written.
    pub canonical: Option<String>,
    /// `href` of the first `<link rel=next>` or `<a rel=next>`, as written.
    pub next: Option<String>,
    /// `href` of every `<a>`, in document order, as written (hidden ones too: the crawler
    /// wants the mobile menu's links as much as the visible ones).
    pub links: Vec<String>,
}

pub struct Doc {
    pub elems: Vec<Elem>,
    pub blocks: Vec<Block>,
    pub meta: Meta,
    pub total_chars: u32,
}

fn classify(tag: &str) -> (Kind, &'static str) {
    // Byte-slice patterns compile to direct compares, not a memcmp call per arm.
    let k = match tag.as_bytes() {
        b"p" | b"li" | b"dd" | b"dt" | b"blockquote" | b"pre" | b"td" | b"th" | b"figcaption"
        | b"caption" | b"summary" | b"legend" | b"address" => Kind::Para,
        b"h1" => Kind::Heading(1),
        b"h2" => Kind::Heading(2),
        b"h3" => Kind::Heading(3),
        b"h4" => Kind::Heading(4),
        b"h5" => Kind::Heading(5),
        b"h6" => Kind::Heading(6),
        b"div" | b"section" | b"article" | b"main" | b"ul" | b"ol" | b"dl" | b"table"
        | b"tbody" | b"thead" | b"tfoot" | b"tr" | b"body" | b"html" | b"header" | b"footer"
        | b"nav" | b"aside" | b"form" | b"figure" | b"center" | b"details" | b"dialog"
        | b"fieldset" | b"hgroup" | b"menu" | b"hr" | b"dir" | b"noindex" => Kind::Container,
        _ => Kind::Inline,
    };
    // Keep the tag name for the few we test later, without allocating.
    const KNOWN: [&str; 16] = [
        "p",
        "li",
        "a",
        "h1",
        "div",
        "article",
        "main",
        "td",
        "blockquote",
        "figcaption",
        "ul",
        "ol",
        "section",
        "body",
        "span",
        "time",
    ];
    let name = if matches!(k, Kind::Container | Kind::Para | Kind::Heading(1)) || tag.len() <= 4 {
        KNOWN.iter().find(|k| **k == tag).copied().unwrap_or("")
    } else {
        ""
    };
    (k, name)
}

fn skipped(tag: &str) -> bool {
    matches!(
        tag.as_bytes(),
        b"script"
            | b"style"
            | b"noscript"
            | b"template"
            | b"svg"
            | b"iframe"
            | b"object"
            | b"embed"
            | b"select"
            | b"button"
            | b"textarea"
            | b"input"
            | b"math"
            | b"canvas"
            | b"video"
            | b"audio"
            | b"map"
            | b"head"
    )
}

/// Class/id words that always mean "not the article".
const SURE_SUBSTR: &[&str] = &[
    "comment",
    "cookie",
    "share",
    "social",
    "related",
    "breadcrumb",
    "advert",
    "banner",
    "subscri",
    "newsletter",
    "popular",
    "recommend",
    "promo",
    "sponsor",
    "caption",
    "byline",
    "disqus",
    "gdpr",
    "consent",
    "readalso",
    "read-also",
    "read_also",
    "also-read",
    "mostread",
    "most-read",
    "more-news",
    "morenews",
    "see-also",
    "seealso",
    "footnote",
];
const SURE_TOKEN: &[&str] = &[
    "ad", "ads", "adv", "tag", "tags", "poll", "rates", "rate", "currency", "weather", "teaser",
    "counter", "reklama", "source", "views",
];
/// Words that mean "not the article" unless the element also says it is the article, or
/// it wraps most of the page.
const MAYBE_SUBSTR: &[&str] = &[
    "footer",
    "sidebar",
    "navbar",
    "navigation",
    "menu",
    "widget",
    "pagination",
    "pager",
    "popup",
    "modal",
    "latest",
    "header",
    "masthead",
    "toolbar",
];
const MAYBE_TOKEN: &[&str] = &[
    "nav",
    "meta",
    "date",
    "time",
    "author",
    "info",
    "lead",
    "lede",
    "hidden",
    "more",
    "also",
    "print",
    "login",
    "search",
    "top",
    "bottom",
    "aside",
    "extra",
    "standfirst",
    "subtitle",
    "photo",
    "image",
    "img",
    "media",
    "video",
    "gallery",
    "label",
    "feed",
    "list",
];
const POSITIVE: &[&str] = &[
    "article", "content", "entry", "story", "body", "post", "text", "detail", "main",
];

static SUBSTR: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(SURE_SUBSTR.iter().chain(MAYBE_SUBSTR).chain(POSITIVE))
        .unwrap()
});

/// How sure an element's own markup is that it is boilerplate. Ordered: a later verdict
/// on the same element only ever raises it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Boiler {
    #[default]
    No,
    /// A word that is often, not always, boilerplate ("more", "lead", `<header>`): it
    /// counts unless the element holds much of the page's text.
    Maybe,
    /// Menus, footers, share bars, ads.
    Sure,
}

/// (boilerplate verdict, says article) from class and id values.
fn boiler_words(attr: &str) -> (Boiler, bool) {
    let (mut sure, mut maybe, mut positive) = (false, false, false);
    for m in SUBSTR.find_overlapping_iter(attr) {
        let i = m.pattern().as_usize();
        if i < SURE_SUBSTR.len() {
            sure = true;
        } else if i < SURE_SUBSTR.len() + MAYBE_SUBSTR.len() {
            maybe = true;
        } else {
            positive = true;
        }
    }
    if !sure {
        for tok in attr.split(|c: char| !c.is_ascii_alphanumeric()) {
            if tok.is_empty() || tok.len() > 10 {
                continue;
            }
            if SURE_TOKEN.iter().any(|w| w.eq_ignore_ascii_case(tok)) {
                sure = true;
                break;
            }
            if MAYBE_TOKEN.iter().any(|w| w.eq_ignore_ascii_case(tok)) {
                maybe = true;
            }
        }
    }
    if sure {
        (Boiler::Sure, positive)
    } else if maybe && !positive {
        (Boiler::Maybe, positive)
    } else {
        (Boiler::No, positive)
    }
}

/// The attributes the walk looks at, read in one pass.
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    style: &'a str,
    hidden: bool,
    itemprop: &'a str,
    role: &'a str,
    content: Option<&'a str>,
    key: Option<&'a str>,
    datetime: Option<&'a str>,
    lang: Option<&'a str>,
}

fn attrs(el: &scraper::node::Element) -> Attrs<'_> {
    let mut a = Attrs::default();
    for (name, value) in el.attrs() {
        match name.as_bytes() {
            b"class" => a.class = value,
            b"id" => a.id = value,
            b"style" => a.style = value,
            b"hidden" => a.hidden = true,
            b"aria-hidden" => a.hidden |= value == "true",
            b"itemprop" => a.itemprop = value,
            b"role" => a.role = value,
            b"content" => a.content = Some(value),
            b"property" => a.key = Some(value),
            b"name" => a.key = a.key.or(Some(value)),
            b"datetime" => a.datetime = Some(value),
            b"lang" => a.lang = Some(value),
            _ => {}
        }
    }
    a
}

struct Walker {
    elems: Vec<Elem>,
    blocks: Vec<Block>,
    meta: Meta,
    /// Open elements (indices into `elems`).
    stack: Vec<u32>,
    /// Innermost open block element for each open element depth.
    block_stack: Vec<u32>,
    buf: String,
    buf_chars: u32,
    buf_link: u32,
    buf_bold: u32,
    last_space: bool,
    link_depth: u32,
    bold_depth: u32,
    total_chars: u32,
}

impl Walker {
    fn flush(&mut self) {
        let owner = *self.block_stack.last().unwrap_or(&NONE);
        let text = self.buf.trim().replace('\n', " ");
        let chars = self.buf_chars;
        if chars > 0 && !text.is_empty() && owner != NONE {
            let block = Block {
                owner,
                text,
                chars,
                link_chars: self.buf_link.min(chars),
                all_bold: self.buf_bold >= chars,
            };
            // Every open element holds this text.
            for &e in &self.stack {
                let el = &mut self.elems[e as usize];
                el.chars += block.chars;
                el.link_chars += block.link_chars;
            }
            self.total_chars += chars;
            self.blocks.push(block);
        }
        self.buf.clear();
        self.buf_chars = 0;
        self.buf_link = 0;
        self.buf_bold = 0;
        self.last_space = true;
    }

    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !self.last_space {
                    self.buf.push(' ');
                    self.last_space = true;
                }
            } else {
                self.buf.push(c);
                self.last_space = false;
                self.buf_chars += 1;
                if self.link_depth > 0 {
                    self.buf_link += 1;
                }
                if self.bold_depth > 0 {
                    self.buf_bold += 1;
                }
            }
        }
    }

    fn line_break(&mut self) {
        // Two <br> in a row end a paragraph; one is a space.
        let t = self.buf.trim_end_matches(' ');
        if t.ends_with('\n') {
            self.flush();
        } else if !t.is_empty() {
            self.buf.truncate(t.len());
            self.buf.push('\n');
            self.last_space = true;
        }
    }
}

fn text_of(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_rel(rel: Option<&str>, word: &str) -> bool {
    rel.is_some_and(|r| {
        r.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(word))
    })
}

/// Links the crawler follows, taken from `<a>` and `<link>` wherever they sit (head,
/// hidden or skipped parts included), so that the page is parsed only once.
fn note_link(el: &scraper::node::Element, meta: &mut Meta) {
    let (mut href, mut rel) = (None, None);
    for (name, value) in el.attrs() {
        match name.as_bytes() {
            b"href" => href = Some(value),
            b"rel" => rel = Some(value),
            _ => {}
        }
    }
    let Some(href) = href.map(str::trim).filter(|h| !h.is_empty()) else {
        return;
    };
    if el.name() == "a" {
        meta.links.push(href.to_string());
    } else if meta.canonical.is_none() && has_rel(rel, "canonical") {
        meta.canonical = Some(href.to_string());
    }
    if meta.next.is_none() && has_rel(rel, "next") {
        meta.next = Some(href.to_string());
    }
}

/// Walk the document once.
pub fn walk(html: &Html) -> Doc {
    let mut class_verdicts: rustc_hash::FxHashMap<&str, (Boiler, bool)> = Default::default();
    let mut w = Walker {
        elems: Vec::with_capacity(1024),
        blocks: Vec::with_capacity(256),
        meta: Meta::default(),
        stack: Vec::with_capacity(64),
        block_stack: Vec::with_capacity(64),
        buf: String::new(),
        buf_chars: 0,
        buf_link: 0,
        buf_bold: 0,
        last_space: true,
        link_depth: 0,
        bold_depth: 0,
        total_chars: 0,
    };
    // While inside a skipped element, its id.
    let mut skip: Option<NodeId> = None;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if let Node::Element(el) = node.value() {
                    if matches!(el.name(), "a" | "link") {
                        note_link(el, &mut w.meta);
                    }
                }
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => w.text(t),
                    Node::Element(el) => {
                        let tag = el.name();
                        let at = attrs(el);
                        if tag == "html" {
                            if let Some(l) = at.lang {
                                w.meta.html_lang = Some(l.to_string());
                            }
                        }
                        if skipped(tag) {
                            // Look into the head and scripts for metadata on the way.
                            if tag == "head" {
                                head_meta(node, &mut w.meta);
                            } else if tag == "script"
                                && el.attr("type").is_some_and(|t| t.contains("ld+json"))
                            {
                                w.meta.json_ld.push(text_of(node));
                            }
                            skip = Some(node.id());
                            continue;
                        }
                        if tag == "meta" {
                            if let (Some(c), Some(k)) = (
                                at.content,
                                at.key.or((!at.itemprop.is_empty()).then_some(at.itemprop)),
                            ) {
                                w.meta.metas.push((k.to_ascii_lowercase(), c.to_string()));
                            }
                        }
                        if at.hidden
                            || (!at.style.is_empty() && {
                                let s = at.style.to_ascii_lowercase().replace(' ', "");
                                s.contains("display:none") || s.contains("visibility:hidden")
                            })
                        {
                            skip = Some(node.id());
                            continue;
                        }
                        let (kind, name) = classify(tag);
                        let idx = w.elems.len() as u32;
                        if kind != Kind::Inline {
                            w.flush();
                        }
                        let parent = *w.stack.last().unwrap_or(&NONE);
                        let (mut boiler, mut positive) = (Boiler::No, false);
                        if !at.class.is_empty() {
                            // Class names repeat by the hundred in menus: judge each once.
                            (boiler, positive) = *class_verdicts
                                .entry(at.class)
                                .or_insert_with(|| boiler_words(at.class));
                        }
                        if !at.id.is_empty() {
                            let (b, p) = boiler_words(at.id);
                            boiler = boiler.max(b);
                            positive |= p;
                            if positive && boiler == Boiler::Maybe {
                                boiler = Boiler::No;
                            }
                        }
                        let by_words = boiler == Boiler::Sure;
                        let mut by_markup = false;
                        match tag {
                            "nav" | "footer" | "aside" | "menu" | "figcaption" => {
                                boiler = Boiler::Sure;
                                by_markup = true;
                            }
                            "header" => boiler = boiler.max(Boiler::Maybe),
                            _ => {}
                        }
                        if !at.itemprop.is_empty() {
                            if at.itemprop.eq_ignore_ascii_case("articleBody") {
                                positive = true;
                                boiler = Boiler::No;
                            }
                            if at.itemprop.eq_ignore_ascii_case("datePublished") {
                                let v = at
                                    .content
                                    .or(at.datetime)
                                    .map(str::to_string)
                                    .unwrap_or_else(|| text_of(node));
                                w.meta.times.push((idx, v));
                            }
                        }
                        if tag == "time" {
                            if let Some(dt) = at.datetime {
                                w.meta.times.push((idx, dt.to_string()));
                            }
                        }
                        if matches!(
                            at.role,
                            "navigation" | "banner" | "contentinfo" | "complementary"
                        ) {
                            boiler = Boiler::Sure;
                            by_markup = true;
                        }
                        let parent_boiler = if parent == NONE {
                            NONE
                        } else {
                            w.elems[parent as usize].boiler_anc
                        };
                        w.elems.push(Elem {
                            node: node.id(),
                            parent,
                            end: idx + 1,
                            kind,
                            tag: name,
                            boiler,
                            by_words: by_words && !by_markup && boiler == Boiler::Sure,
                            positive,
                            boiler_anc: if boiler == Boiler::No {
                                parent_boiler
                            } else {
                                idx
                            },
                            chars: 0,
                            link_chars: 0,
                        });
                        w.stack.push(idx);
                        if kind != Kind::Inline {
                            w.block_stack.push(idx);
                        }
                        match tag {
                            "a" => w.link_depth += 1,
                            "strong" | "b" => w.bold_depth += 1,
                            "br" => w.line_break(),
                            "img" => {}
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let Some(idx) = w.stack.pop() else { continue };
                    let kind = w.elems[idx as usize].kind;
                    if kind != Kind::Inline {
                        w.flush();
                        w.block_stack.pop();
                    }
                    match el.name() {
                        "a" => w.link_depth = w.link_depth.saturating_sub(1),
                        "strong" | "b" => w.bold_depth = w.bold_depth.saturating_sub(1),
                        "h1" if w.meta.h1.is_none() => {
                            if let Some(b) = w.blocks.last() {
                                if b.owner == idx {
                                    w.meta.h1 = Some((idx, b.text.clone()));
                                }
                            }
                        }
                        _ => {}
                    }
                    let end = w.elems.len() as u32;
                    w.elems[idx as usize].end = end;
                }
            }
        }
    }
    w.flush();
    Doc {
        elems: w.elems,
        blocks: w.blocks,
        meta: w.meta,
        total_chars: w.total_chars,
    }
}

fn head_meta(head: ego_tree::NodeRef<'_, Node>, meta: &mut Meta) {
    for d in head.descendants() {
        let Node::Element(el) = d.value() else {
            continue;
        };
        match el.name() {
            "title" if meta.title_tag.is_none() => meta.title_tag = Some(text_of(d)),
            "meta" => {
                if let Some(c) = el.attr("content") {
                    let key = el
                        .attr("property")
                        .or(el.attr("name"))
                        .or(el.attr("itemprop"));
                    if let Some(k) = key {
                        meta.metas.push((k.to_ascii_lowercase(), c.to_string()));
                    }
                }
            }
            "script" if el.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                meta.json_ld.push(text_of(d))
            }
            _ => {}
        }
    }
}
