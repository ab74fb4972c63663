//! page::read on hand-written pages: charsets, boilerplate, metadata, language.

use dozor::date::PartialDate::*;
use dozor::page::{detect_lang, read, read_with, Lang, Selectors};

const RU_BODY: &str = "<p>В Уральске сотрудника полиции задержали при получении взятки в размере 500 тысяч тенге, сообщили в антикоррупционной службе.</p>\
<p>По данным ведомства, полицейский требовал деньги у местного предпринимателя за непривлечение к ответственности.</p>";

fn page(head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"ru\"><head>{head}</head><body>\
<div class=\"header\"><ul class=\"menu\"><li><a href=\"/\">Главная</a></li><li><a href=\"/news\">Новости</a></li><li><a href=\"/crime\">Криминал</a></li></ul></div>\
<div class=\"breadcrumbs\"><a href=\"/\">Главная</a> / <a href=\"/news\">Новости</a></div>\
<div class=\"content\"><h1>Полицейского задержали за взятку</h1>\
<div class=\"story\">{body}</div>\
<div class=\"share\">Поделиться: <a href=\"#\">VK</a> <a href=\"#\">Telegram</a></div></div>\
<div class=\"related\"><h3>Последние новости</h3><ul>\
<li><a href=\"/a\">В Астане открылся новый парк для жителей и гостей столицы</a></li>\
<li><a href=\"/b\">Курс тенге укрепился на торгах Казахстанской фондовой биржи</a></li>\
<li><a href=\"/c\">В Алматы ожидается сильный снег и гололёд на дорогах города</a></li></ul></div>\
<div class=\"cookie-banner\">Мы используем файлы cookie, чтобы сайт работал лучше и удобнее для вас.</div>\
<footer><p>© 2025 Издание. Все права защищены. Перепечатка материалов только с разрешения редакции.</p></footer>\
</body></html>"
    )
}

fn encode(s: &str, enc: &'static encoding_rs::Encoding) -> Vec<u8> {
    enc.encode(s).0.into_owned()
}

#[test]
fn windows_1251_with_meta_charset() {
    let html = page("<meta charset=\"windows-1251\"><title>Т</title>", RU_BODY);
    let a = read(&encode(&html, encoding_rs::WINDOWS_1251), None, None);
    assert_eq!(a.charset, "windows-1251");
    assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("В Уральске сотрудника полиции"));
    assert_eq!(a.lang, Lang::Ru);
}

#[test]
fn windows_1251_without_declaration() {
    let html = page("<title>Новости</title>", RU_BODY);
    let a = read(
        &encode(&html, encoding_rs::WINDOWS_1251),
        Some("https://example.kz/n/1"),
        None,
    );
    assert_eq!(a.charset, "windows-1251");
    assert!(a.paragraphs[1].contains("предпринимателя"));
}

#[test]
fn koi8_r() {
    let html = page(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">",
        RU_BODY,
    );
    let a = read(&encode(&html, encoding_rs::KOI8_R), None, None);
    assert_eq!(a.charset, "KOI8-R");
    assert!(a.paragraphs[0].contains("взятки"));
}

#[test]
fn utf8_bom() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(page("<meta charset=\"windows-1251\">", RU_BODY).as_bytes());
    let a = read(&bytes, None, None);
    assert_eq!(a.charset, "UTF-8");
    assert!(a.paragraphs[0].starts_with("В Уральске"));
}

#[test]
fn header_charset_wins_over_meta() {
    let html = page("<meta charset=\"utf-8\">", RU_BODY);
    let bytes = encode(&html, encoding_rs::WINDOWS_1251);
    let a = read(&bytes, None, Some("text/html; charset=windows-1251"));
    assert_eq!(a.charset, "windows-1251");
    assert!(a.paragraphs[0].starts_with("В Уральске"));
}

#[test]
fn boilerplate_removed() {
    let a = read(page("<meta charset=utf-8>", RU_BODY).as_bytes(), None, None);
    let all = a.paragraphs.join("\n");
    for junk in [
        "Главная",
        "Поделиться",
        "Последние новости",
        "новый парк",
        "cookie",
        "права защищены",
        "Полицейского задержали",
    ] {
        assert!(!all.contains(junk), "{junk} in {all}");
    }
    assert_eq!(a.paragraphs.len(), 2);
}

#[test]
fn read_also_lines_dropped() {
    let body = format!(
        "{RU_BODY}<p>Читайте также: <a href=\"/x\">В Семее участковый задержан за вымогательство</a></p>\
<p>Read also: <a href=\"/y\">Another story about police</a></p>\
<p>Тағы оқыңыз: <a href=\"/z\">Полиция туралы басқа жаңалық</a></p>\
<p>Фото: пресс-служба ДП</p>\
<p>Задержанный дал признательные показания, ведётся досудебное расследование по делу.</p>"
    );
    let a = read(page("", &body).as_bytes(), None, Some("text/html"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(a.paragraphs[2].starts_with("Задержанный"));
}

#[test]
fn subheadings_and_lists_in_body_kept() {
    let body = format!(
        "{RU_BODY}<h2>Что говорит защита</h2><p>Адвокат полицейского заявил, что его подзащитный не признаёт вину и будет обжаловать арест.</p>\
<ul><li>первый эпизод произошёл в январе, когда он потребовал 200 тысяч тенге;</li><li>второй эпизод произошёл в марте, сумма составила 300 тысяч.</li></ul>"
    );
    let a = read(page("", &body).as_bytes(), None, None);
    assert!(
        a.paragraphs.contains(&"Что говорит защита".to_string()),
        "{:?}",
        a.paragraphs
    );
    assert!(a.paragraphs.iter().any(|p| p.starts_with("второй эпизод")));
}

#[test]
fn titles() {
    let og = page(
        "<meta property=\"og:title\" content=\"Заголовок из OG\"><title>Т — Сайт</title>",
        RU_BODY,
    );
    assert_eq!(
        read(og.as_bytes(), None, None).title.as_deref(),
        Some("Заголовок из OG")
    );
    let h1 = page("<title>Другое — Сайт</title>", RU_BODY);
    assert_eq!(
        read(h1.as_bytes(), None, None).title.as_deref(),
        Some("Полицейского задержали за взятку")
    );
    let t = format!("<html><head><title>Police officer detained for bribe | Daily News</title></head><body><div>{RU_BODY}</div></body></html>");
    assert_eq!(
        read(t.as_bytes(), None, None).title.as_deref(),
        Some("Police officer detained for bribe")
    );
    let t = "<html><head><title>В Актобе задержали участкового - Новости Казахстана</title></head><body><p>x</p></body></html>";
    assert_eq!(
        read(t.as_bytes(), None, None).title.as_deref(),
        Some("В Актобе задержали участкового")
    );
}

#[test]
fn dates_from_metadata() {
    let cases = [
        ("<meta property=\"article:published_time\" content=\"2025-03-04T10:00:00+05:00\">", ""),
        ("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\": \"2025-03-04T10:00:00Z\"}</script>", ""),
        ("", "<time datetime=\"2025-03-04\">4 марта</time>"),
        ("", "<span itemprop=\"datePublished\" content=\"2025-03-04\">вчера</span>"),
        ("", "<div class=\"date\">04.03.2025, 10:00</div>"),
    ];
    for (head, line) in cases {
        let html = page(head, RU_BODY);
        let html = html.replace(
            "<div class=\"story\">",
            &format!("{line}<div class=\"story\">"),
        );
        assert_eq!(
            read(html.as_bytes(), None, None).published,
            Some(Day(2025, 3, 4)),
            "{head}{line}"
        );
    }
    let html = page("", RU_BODY);
    let a = read(
        html.as_bytes(),
        Some("https://x.kz/news/2025/03/04/slug"),
        None,
    );
    assert_eq!(a.published, Some(Day(2025, 3, 4)));
}

#[test]
fn dates_from_text() {
    for (line, want) in [
        ("19 августа 2024, 10:30", Day(2024, 8, 19)),
        ("2024 жылғы 19 тамыз", Day(2024, 8, 19)),
        ("August 19, 2024", Day(2024, 8, 19)),
    ] {
        let html = format!("<html><body><h1>Headline here</h1><div class=\"when\">{line}</div><div>{RU_BODY}</div></body></html>");
        assert_eq!(
            read(html.as_bytes(), None, None).published,
            Some(want),
            "{line}"
        );
    }
}

#[test]
fn selectors_win() {
    let html = page("", RU_BODY).replace(
        "<footer>",
        "<div class=\"special\"><p>Only this text is wanted here, chosen by the selector.</p></div><footer>",
    );
    let sel = Selectors {
        body: Some("div.special".into()),
        title: Some("h1".into()),
        date: None,
    };
    let a = read_with(html.as_bytes(), None, None, &sel);
    assert_eq!(
        a.paragraphs,
        ["Only this text is wanted here, chosen by the selector."]
    );
    assert_eq!(a.title.as_deref(), Some("Полицейского задержали за взятку"));
    // A selector that matches nothing falls back to the automatic finder.
    let sel = Selectors {
        body: Some("div.nothing".into()),
        ..Default::default()
    };
    assert_eq!(
        read_with(html.as_bytes(), None, None, &sel)
            .paragraphs
            .len(),
        2
    );
}

#[test]
fn plain_text() {
    let txt = "Former Petropavl police investigator jailed for fraud\n\n14 May 2024, 11:20\n\nPETROPAVL, May 14 – The court has sentenced\na former investigator to five years.\n\nThe verdict may be appealed.\n";
    let a = read(txt.as_bytes(), None, Some("text/plain; charset=utf-8"));
    assert_eq!(
        a.title.as_deref(),
        Some("Former Petropavl police investigator jailed for fraud")
    );
    assert_eq!(a.published, Some(Day(2024, 5, 14)));
    assert_eq!(
        a.paragraphs,
        [
            "PETROPAVL, May 14 – The court has sentenced a former investigator to five years.",
            "The verdict may be appealed."
        ]
    );
    assert_eq!(a.lang, Lang::En);
    // Without a content type, text that has no tags is still read as text.
    assert_eq!(read(txt.as_bytes(), None, None).paragraphs.len(), 2);
}

#[test]
fn languages() {
    assert_eq!(
        detect_lang("Полицейский задержан при получении взятки в Уральске, сообщили в ведомстве."),
        Lang::Ru
    );
    assert_eq!(
        detect_lang("Ақтөбеде учаскелік полиция инспекторы кәсіпкерден пара алған кезде ұсталды."),
        Lang::Kk
    );
    assert_eq!(
        detect_lang("A police officer was detained in Uralsk while taking a bribe."),
        Lang::En
    );
    assert_eq!(detect_lang("Юрист фонда «Қорғау» Динара Сарсенова считает, что проверка должна быть прозрачной и открытой."), Lang::Ru);
    assert_eq!(detect_lang("12 345"), Lang::Unknown);
}

#[test]
fn junk_never_panics() {
    let _ = read(b"", None, None);
    let _ = read(b"", None, Some("text/plain"));
    let junk: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let _ = read(&junk, Some("http://x"), None);
    let _ = read(&junk, None, Some("text/html; charset=bogus"));
    let _ = read(b"\xff\xfe<\x00h\x00", None, None);
    let deep = "<div>".repeat(3_000) + "text";
    let _ = read(deep.as_bytes(), None, None);
    let _ = read("<p>Читайте также".as_bytes(), None, Some("text/html"));
    let _ = read(
        b"<html><head><meta charset=\"utf-16\"></head><body><p>hi</p></body></html>",
        None,
        None,
    );
}

#[test]
fn short_utf8_line_with_stray_bytes_stays_utf8() {
    // Two bytes that are not UTF-8, pasted into a one-line Russian report: still UTF-8.
    let mut bytes = "В Актобе ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xff\xfe ");
    bytes.extend_from_slice("полицейский задержан за взятку.".as_bytes());
    let a = read(&bytes, None, None);
    assert_eq!(a.charset, "UTF-8");
    assert!(
        a.paragraphs.join(" ").contains("полицейский задержан"),
        "{:?}",
        a.paragraphs
    );
}

#[test]
fn windows_1251_plain_text_is_not_taken_for_broken_utf8() {
    let bytes = encode(
        "В Актобе полицейский задержан за взятку в сто тысяч тенге.",
        encoding_rs::WINDOWS_1251,
    );
    let a = read(&bytes, None, None);
    assert!(
        a.paragraphs.join(" ").contains("полицейский задержан"),
        "{:?}",
        a.paragraphs
    );
}

/// The rest of the story folded behind a "Read more" button, in a wrapper whose id says
/// "more": a maybe-mark on a wrapper that holds much of the article's text with few
/// links is kept; a "more stories" link list beside the article still goes.
#[test]
fn story_folded_under_read_more_kept() {
    let nav: String = (0..40)
        .map(|i| format!("<li><a href=\"/s{i}\">Section number {i} of the site</a></li>"))
        .collect();
    let more: String = (0..8)
        .map(|i| {
            format!(
                "<li><a href=\"/m{i}\">Another opinion column about the week, part {i}</a></li>"
            )
        })
        .collect();
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Angry media</title></head><body>\
<div id=\"header\"><ul class=\"tier-1\">{nav}</ul></div>\
<div id=\"story\"><h1>Angry media won't buckle</h1><div class=\"story-body\">\
<p>A government team has been doing the rounds of media organisations in the past few days, trying to allay concerns.</p>\
<p>They held meetings with executives from the networks, the public broadcaster and a group from the media union.</p>\
<div id=\"read-more\"><div id=\"read-more-link\"><a href=\"\">Read more</a></div>\
<div class=\"ad-block\" id=\"ad-m-mrec\">Advertisement</div>\
<div id=\"read-more-content\">\
<p>The bill would require providers to store so-called metadata, the who, where and when of a call, for two years.</p>\
<p>Few would argue against the use of such material to catch criminals, but it would also identify sources.</p>\
<p>The press council is concerned that the laws would crush investigative journalism, its president says.</p>\
<p>The union is adamant that the metadata of journalists must be exempted from the law, and so are the bosses.</p>\
</div></div></div>\
<div class=\"group more-stories\"><h2>More stories</h2><ul>{more}</ul></div></div>\
<div id=\"footer\"><ul>{nav}</ul><p>Copyright Herald. All times local, all rights reserved by the publisher.</p></div>\
</body></html>"
    );
    let a = read(html.as_bytes(), None, None);
    assert_eq!(a.paragraphs.len(), 6, "{:?}", a.paragraphs);
    assert!(a.paragraphs[5].starts_with("The union is adamant"));
    let all = a.paragraphs.join("\n");
    for junk in [
        "Read more",
        "Advertisement",
        "opinion column",
        "Section number",
    ] {
        assert!(!all.contains(junk), "{junk} in {all}");
    }
}

#[test]
fn page_wrapped_in_an_ad_named_div_still_read() {
    // A site that wraps the whole page in <div id="ad-portal"> (its ad slots hang off
    // it): the id names the ad machinery, not the wrapper, while the real ad slot and
    // the menus inside stay out.
    let html = "<!DOCTYPE html><html lang=\"en\"><head><title>Storm</title></head><body>\
<div id=\"ad-portal\"><div class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li></ul></div>\
<div class=\"ad-slot\">Advertisement: buy the new phone today, the best deal of the year for you.</div>\
<div class=\"main-content\"><article><h1>Storm hits the coast</h1><div>\
<p>A storm hit the northern coast on Monday night, cutting power to thousands of homes, officials said.</p>\
<p>Rescue teams worked through the night, and the roads to the harbour were reopened by the morning.</p>\
<p>Forecasters expect calmer weather later this week, but warned of more rain in the hills.</p>\
</div></article></div></div></body></html>";
    let a = read(html.as_bytes(), None, None);
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("A storm hit"));
    assert!(!a.paragraphs.join("\n").contains("Advertisement"));
}

#[test]
fn long_sentence_heading_opening_the_body_is_a_standfirst() {
    // A deck set as <h2> at the top of the body container is not a subheading; a short
    // subheading further down stays.
    let body = "<h2>Police in the northern city detained an officer on Tuesday on suspicion of taking a bribe of half a million from a local businessman, the anti-corruption service said.</h2>\
<p>The officer was detained while receiving the money from the owner of a shop, according to the service.</p>\
<h2>What the defence says</h2>\
<p>His lawyer said that his client denies the charge and will appeal against the arrest in court.</p>";
    let a = read(page("", body).as_bytes(), None, None);
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("The officer was detained"));
    assert_eq!(a.paragraphs[1], "What the defence says");
}

#[test]
fn list_items_with_a_link_inside_kept_link_items_dropped() {
    // In-body bullet points that carry a link on part of their words are text; a list
    // of story links inside the body is not.
    let body = format!(
        "{RU_BODY}<p>The minister also said:</p><ul>\
<li><a href=\"/e\">The region must keep</a> its new budget rules until the end of the year</li>\
<li>Talks with the neighbours would go on <a href=\"/t\">despite the protests in the capital</a></li></ul>\
<ul><li><a href=\"/r1\">Earlier: officer detained in the south of the country</a></li>\
<li><a href=\"/r2\">Earlier: new rules for the traffic police announced</a></li></ul>"
    );
    let a = read(page("", &body).as_bytes(), None, None);
    let all = a.paragraphs.join("\n");
    assert!(all.contains("its new budget rules"), "{all}");
    assert!(all.contains("despite the protests"), "{all}");
    assert!(!all.contains("Earlier:"), "{all}");
}

#[test]
fn agency_credit_and_date_lines_dropped() {
    // Closing lines that are only the agencies in brackets or a labelled date are not
    // body text; a sentence that names an agency stays.
    let body = format!(
        "{RU_BODY}<p>The officer told AFP that he would appeal, and Reuters said the hearing was set for May.</p>\
<p><em>(NEWS 24 with AFP, REUTERS)</em></p><p class=\"modification\">Date created : 2015-05-12</p>"
    );
    let a = read(page("", &body).as_bytes(), None, None);
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(a.paragraphs[2].starts_with("The officer told AFP"));
}

const SHORT_STORY: [&str; 4] = [
    "The council voted on Tuesday to close the old bridge for repairs, a decision that will affect thousands of drivers.",
    "Engineers found cracks in two of the supports last month, and the city said it could not wait until the spring.",
    "Local shop owners, however, said the closure would hurt trade, and asked the council to keep one lane open.",
    "The mayor promised a free shuttle bus across the river while the work goes on, starting in the first week.",
];

fn short_story_page(body: &str) -> String {
    let nav: String = (0..12)
        .map(|i| format!("<li><a href=\"/s{i}\">Section {i}</a></li>"))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Bridge</title></head><body>\
<div class=\"menu\"><ul>{nav}</ul></div><div class=\"article\"><h1>Bridge closed</h1>{body}</div>\
<div class=\"bio\"><p>Jane Doe writes about the city, its roads, its bridges and its council, from the newsroom downtown.</p></div>\
<footer><p>Copyright the Town Paper, all rights reserved, do not copy.</p></footer></body></html>"
    )
}

#[test]
fn short_story_split_by_an_ad_block_kept_whole() {
    let p = |s: &[&str]| s.iter().map(|t| format!("<p>{t}</p>")).collect::<String>();
    let body = format!(
        "<div class=\"text\">{}</div><div class=\"ad-box\"><a href=\"/x\">Buy now</a></div><div class=\"text\">{}</div>",
        p(&SHORT_STORY[..2]),
        p(&SHORT_STORY[2..])
    );
    let a = read(short_story_page(&body).as_bytes(), None, None);
    assert_eq!(a.paragraphs, SHORT_STORY.to_vec(), "{:?}", a.paragraphs);
}

#[test]
fn paragraph_per_wrapper_body_kept_whole() {
    // Each paragraph in its own pair of wrappers, text right inside the inner one.
    let body: String = SHORT_STORY
        .iter()
        .map(|t| {
            format!("<div class=\"article__block\"><div class=\"article__text\">{t}</div></div>")
        })
        .collect();
    let body = format!("<div class=\"article__body\">{body}</div>");
    let a = read(short_story_page(&body).as_bytes(), None, None);
    assert_eq!(a.paragraphs, SHORT_STORY.to_vec(), "{:?}", a.paragraphs);
}
