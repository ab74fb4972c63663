//! `dozor check`: the embedded configuration is valid, and a broken one is reported whole,
//! line by line, with exit code 2. No test here fetches anything.

use std::path::PathBuf;
use std::process::{Command, Output};

use dozor::config::{Config, CrawlConfig, Follow};

fn dozor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dozor"))
        .args(args)
        .output()
        .expect("running dozor")
}

fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dozor-config-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn embedded_config_is_valid_and_lists_many_outlets() {
    let out = dozor(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8(out.stdout).unwrap();
    let c = Config::parse(&printed, "stdout").unwrap();
    assert_eq!(c, Config::embedded());
    assert!(c.sources.len() >= 15, "{} sources", c.sources.len());
    let mut names: Vec<&str> = c.sources.iter().map(|s| s.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), c.sources.len(), "source names repeat");
}

#[test]
fn three_problems_are_all_reported_with_their_lines() {
    let text = "\
[crawl]
per_host_delay = 500

[[sources]]
name = \"broken\"
start = [\"htps//example.kz/rss\"]
article = ['/news/(\\d+']
";
    let path = temp_file("three.toml", text);
    let out = dozor(&["check", "--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    let file = path.display().to_string();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "{err}");
    assert!(lines[0].starts_with(&format!("{file}:2: unknown key `per_host_delay`")));
    assert!(
        lines[1].contains("fix: did you mean `per_host_delay_ms`?"),
        "{err}"
    );
    assert!(lines[2].starts_with(&format!("{file}:6: ")), "{err}");
    assert!(lines[2].contains("htps//example.kz/rss"), "{err}");
    assert!(lines[3].starts_with("  fix: "), "{err}");
    assert!(lines[4].starts_with(&format!("{file}:7: ")), "{err}");
    assert!(lines[4].contains("not a valid regex"), "{err}");
    assert!(lines[5].starts_with("  fix: "), "{err}");
}

#[test]
fn syntax_error_gives_file_and_line() {
    let path = temp_file("syntax.toml", "[crawl]\nconcurrency = = 3\n");
    let out = dozor(&["check", "--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with(&format!("{}:2: ", path.display())), "{err}");
}

#[test]
fn defaults_are_applied_and_printed() {
    let path = temp_file(
        "minimal.toml",
        "[[sources]]\nname = \"local\"\nstart = [\"http://127.0.0.1:9/feed.xml\"]\n",
    );
    let out = dozor(&["check", "--config", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.contains("per_host_delay_ms = 1000"), "{printed}");
    assert!(printed.contains("respect_robots = true"), "{printed}");
    let c = Config::parse(&printed, "stdout").unwrap();
    assert_eq!(c.crawl, CrawlConfig::default());
    assert_eq!(c.store.path, PathBuf::from("dozor-data"));
    let s = c.source_named("local").unwrap();
    assert_eq!(s.follow, Follow::Hosts(vec!["127.0.0.1".into()]));
    assert_eq!(s.max_depth, 3);
    assert_eq!(c.crawl.max_pages, None);
}

#[test]
fn effective_toml_round_trips() {
    let text = "\
[store]
path = \"/var/lib/dozor\"
[crawl]
concurrency = 4
max_pages = 100
respect_robots = false
[[sources]]
name = \"a\"
start = [\"https://a.kz/rss\", \"https://a.kz/sitemap.xml.gz\"]
follow = ['^https://a\\.kz/']
article = ['/news/\\d+']
lang = \"kk\"
max_depth = 2
[sources.selectors]
title = \"h1\"
date = \"time[datetime]\"
";
    let c = Config::parse(text, "t.toml").unwrap();
    let back = Config::parse(&c.effective_toml(), "effective").unwrap();
    assert_eq!(c, back);
    assert_eq!(back.crawl.max_pages, Some(100));
}
