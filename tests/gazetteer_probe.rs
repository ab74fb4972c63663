use dozor::extract::gazetteer::Gazetteer;
use dozor::extract::text::normalise;

#[test]
#[ignore]
fn probe() {
    let g = Gazetteer::embedded();
    eprintln!("patterns {} entries {}", g.pattern_count(), g.place_count());
    for s in std::env::var("PROBE").unwrap_or_default().split('|') {
        let n = normalise(s);
        for h in g.find_cased(&n, s) {
            eprintln!(
                "{s:?}: {:?} -> {:?} {:?} {:?} {}",
                &n.text[h.range.clone()],
                h.country,
                h.region,
                h.kind,
                h.name
            );
        }
    }
}
