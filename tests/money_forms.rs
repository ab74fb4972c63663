//! The forms of money the extractor must read, in English, Russian and Kazakh.
//! Sentences are written for these tests, not taken from the corpus.

use dozor::extract::money::{format_amount, principal, Amount, Currency, MoneyLexicon, Role};
use std::sync::OnceLock;

fn lex() -> &'static MoneyLexicon {
    static L: OnceLock<MoneyLexicon> = OnceLock::new();
    L.get_or_init(MoneyLexicon::embedded)
}

fn all(s: &str) -> Vec<String> {
    lex().find(s).iter().map(format_amount).collect()
}

/// The sentence holds exactly one sum, and it is `want`.
#[track_caller]
fn one(s: &str, want: &str) {
    let got = all(s);
    assert_eq!(got, vec![want.to_string()], "in {s:?}");
}

#[track_caller]
fn none(s: &str) {
    let got = all(s);
    assert!(got.is_empty(), "in {s:?} expected no sum, got {got:?}");
}

#[track_caller]
fn roles(s: &str) -> Vec<Role> {
    lex().find(s).iter().map(|a| a.role).collect()
}

#[track_caller]
fn princ(s: &str) -> Option<String> {
    principal(&lex().find(s)).map(format_amount)
}

#[test]
fn digit_groupings() {
    one("Он потребовал 1 000 000 тенге.", "1000000 KZT");
    one("He demanded 1,000,000 tenge.", "1000000 KZT");
    one("Он потребовал 1.000.000 тенге.", "1000000 KZT");
    one(
        "Он потребовал 1\u{00A0}000\u{00A0}000 тенге.",
        "1000000 KZT",
    );
    one(
        "Он потребовал 1\u{202F}000\u{202F}000 тенге.",
        "1000000 KZT",
    );
    one(
        "Он потребовал 1\u{2009}000\u{2009}000\u{00A0}тенге.",
        "1000000 KZT",
    );
    one("Он потребовал 1000000 тенге.", "1000000 KZT");
    one("Штраф составил 295 360 теңге.", "295360 KZT");
    one("He took 1,234,567.89 dollars.", "1234568 USD");
    one("Он получил 1.234.567,50 рубля.", "1234568 RUB");
}

#[test]
fn decimals_and_multipliers() {
    one("Он получил 1,5 млн тенге.", "1500000 KZT");
    one("He received 2.5 million tenge.", "2500000 KZT");
    one("He received 1.2 thousand dollars.", "1200 USD");
    one("Взятка 250 тыс. тенге.", "250000 KZT");
    one("Взятка 250 тыс тенге", "250000 KZT");
    one("взятку в 300 тысяч тенге", "300000 KZT");
    one("с 500 тысячами тенге", "500000 KZT");
    one("взятку в размере 3 миллионов тенге", "3000000 KZT");
    one("ущерб на 1,2 млрд тенге", "1200000000 KZT");
    one("ущерб на 2 миллиарда тенге", "2000000000 KZT");
    one("a bribe of KZT 3 million", "3000000 KZT");
    one("a bribe of $5k", "5000 USD");
    one("a bribe of $1.5m", "1500000 USD");
    one("a budget of 3 bn tenge", "3000000000 KZT");
    one("он получил 1 млн 200 тыс. тенге", "1200000 KZT");
    one("Бюджеттен 1,2 млрд теңге бөлінді.", "1200000000 KZT");
    one("Ол 500 мың теңгені алды.", "500000 KZT");
    one("Ол 500 мың теңгеге келісті.", "500000 KZT");
    one("Ол 2 миллион теңгеден бас тартты.", "2000000 KZT");
    one("5 млн теңгелік пара", "5000000 KZT");
    one("оның 500 мың теңгесін алған", "500000 KZT");
    one("Ол бір миллион теңгені иеленді.", "1000000 KZT");
    one("Ол 5млн тенге алды", "5000000 KZT");
}

#[test]
fn english_number_words() {
    one("He demanded one million tenge.", "1000000 KZT");
    one("He demanded three million tenge.", "3000000 KZT");
    one("He demanded one and a half million tenge.", "1500000 KZT");
    one("He demanded two and a half million tenge.", "2500000 KZT");
    one("He demanded half a million tenge.", "500000 KZT");
    one("He demanded a million tenge.", "1000000 KZT");
    one(
        "He demanded two hundred and fifty thousand tenge.",
        "250000 KZT",
    );
    one("He demanded twenty-five thousand dollars.", "25000 USD");
    one("He demanded a hundred thousand tenge.", "100000 KZT");
    one(
        "He demanded one million two hundred thousand tenge.",
        "1200000 KZT",
    );
    one("He asked for fifteen thousand soms.", "15000 KGS");
}

#[test]
fn russian_number_words() {
    one("Он потребовал двести тысяч тенге.", "200000 KZT");
    one(
        "Он потребовал два с половиной миллиона тенге.",
        "2500000 KZT",
    );
    one("Он потребовал полтора миллиона тенге.", "1500000 KZT");
    one("Он потребовал полторы тысячи долларов.", "1500 USD");
    one(
        "в получении взятки в размере полутора миллионов тенге",
        "1500000 KZT",
    );
    one("Он потребовал пол-миллиона тенге.", "500000 KZT");
    one("Он потребовал полмиллиона тенге.", "500000 KZT");
    one(
        "в получении взятки в размере двух миллионов тенге",
        "2000000 KZT",
    );
    one("Он вымогал одну тысячу долларов.", "1000 USD");
    one("Он вымогал три миллиона двести тысяч тенге.", "3200000 KZT");
    one("Он вымогал пятьсот тысяч тенге.", "500000 KZT");
    one("Он вымогал сто двадцать пять тысяч тенге.", "125000 KZT");
    one("взятку в пятистах тысячах тенге", "500000 KZT");
    one("Он вымогал миллион тенге.", "1000000 KZT");
    one("сумму в трёх миллионов тенге", "3000000 KZT");
    one("Он получил 2 с половиной миллиона тенге.", "2500000 KZT");
    one("Он получил сорок тысяч рублей.", "40000 RUB");
    one("Он получил девяносто тысяч рублей.", "90000 RUB");
}

#[test]
fn kazakh_number_words() {
    one("Ол екі миллион теңге сұраған.", "2000000 KZT");
    one("Ол бір жарым миллион теңге алған.", "1500000 KZT");
    one("Ол жарты миллион теңге алған.", "500000 KZT");
    one("Ол үш жүз мың теңге талап еткен.", "300000 KZT");
    one("Ол екі жүз елу мың теңге талап еткен.", "250000 KZT");
    one("Ол он бес мың теңге алған.", "15000 KZT");
    one("Ол жиырма мың сом талап еткен.", "20000 KGS");
    one("Ол қырық мың теңге алды.", "40000 KZT");
    one("Ол тоқсан мың теңге алды.", "90000 KZT");
    one("Ол жүз мың теңге алды.", "100000 KZT");
}

#[test]
fn currencies() {
    one("He demanded ₸350,000 from them.", "350000 KZT");
    one("He demanded 350,000₸ from them.", "350000 KZT");
    one("He demanded 350 000 KZT.", "350000 KZT");
    one("He demanded $3,000.", "3000 USD");
    one("He demanded US$ 5,000.", "5000 USD");
    one("He demanded 5,000 US dollars.", "5000 USD");
    one("He demanded USD 5,000.", "5000 USD");
    one("получил 3 тысячи долларов США", "3000 USD");
    one("получил 3 тыс. долл. США", "3000 USD");
    one("взятку в $50 тысяч", "50000 USD");
    one("2 мың АҚШ долларын алған", "2000 USD");
    one("вымогал 20 тысяч сомов", "20000 KGS");
    one("вымогал 20 000 сом", "20000 KGS");
    one("extorted 100,000 soms", "100000 KGS");
    one("extorted 100,000 KGS", "100000 KGS");
    one("получил 50 тысяч рублей", "50000 RUB");
    one("получил 50 тыс. руб.", "50000 RUB");
    one("получил 50 000 ₽", "50000 RUB");
    one("получил 10 000 евро", "10000 EUR");
    one("received €10,000", "10000 EUR");
    one("received 10,000 EUR", "10000 EUR");
    one("получил 5 тысяч манатов", "5000 AZN");
    one("received 5,000 manats", "5000 AZN");
    one("received 5,000 AZN", "5000 AZN");
    one("получил 15 млн сумов", "15000000 UZS");
    one("received 15 million soums", "15000000 UZS");
    one("received 15 million UZS", "15000000 UZS");
    one("a 5,000-tenge banknote", "5000 KZT");
    one("получил 100 тг.", "100 KZT");
}

#[test]
fn ranges() {
    one("брал от 200 до 300 тысяч тенге", "200000–300000 KZT");
    one("брал 200–300 тыс. тенге", "200000–300000 KZT");
    one("брал 200-300 тыс. тенге", "200000–300000 KZT");
    one("took 200-300 thousand tenge", "200000–300000 KZT");
    one("took between 1 and 2 million tenge", "1000000–2000000 KZT");
    one(
        "took between one and two million tenge",
        "1000000–2000000 KZT",
    );
    one(
        "received between 200,000 and 300,000 tenge",
        "200000–300000 KZT",
    );
    one(
        "брал от 500 тысяч до 1 миллиона тенге",
        "500000–1000000 KZT",
    );
    one("from 1.5 to 2 million tenge", "1500000–2000000 KZT");
    one("100-ден 200 мыңға дейін теңге алған", "100000–200000 KZT");
    one(
        "100 мыңнан 200 мыңға дейін теңге алған",
        "100000–200000 KZT",
    );
    one(
        "ай сайын 200–300 мың теңге алып отырған",
        "200000–300000 KZT",
    );
    one("demanded $200-$300", "200–300 USD");
}

#[test]
fn two_forms() {
    let a = lex().find("He demanded $1,200 (about 600,000 tenge) from a driver.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].value, a[0].currency, a[0].kzt),
        (1200, Currency::USD, Some(600000))
    );
    let a = lex().find("He demanded US$ 5,000 (about 2.3 million tenge at the current rate).");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].value, a[0].currency, a[0].kzt),
        (5000, Currency::USD, Some(2300000))
    );
    let a = lex().find("Он получил 100 тыс. сомов (около 550 тыс. тенге).");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].value, a[0].currency, a[0].kzt),
        (100000, Currency::KGS, Some(550000))
    );
    let a = lex().find("Он получил 500 000 тенге ($1,000).");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].value, a[0].currency, a[0].kzt),
        (500000, Currency::KZT, Some(500000))
    );
    let a = lex().find("received 100,000 soms (about $1,150) from a driver");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(
        (a[0].value, a[0].currency, a[0].kzt),
        (100000, Currency::KGS, None)
    );
    let a = lex().find("он потребовал 2,5 тыс. долларов (около 218 тыс. сомов)");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!((a[0].value, a[0].currency), (2500, Currency::USD));
    let a = lex().find("He demanded $5,000, or about 2.3 million tenge.");
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].kzt, Some(2300000));
}

#[test]
fn span_is_the_sum() {
    let s = "Полицейский получил 1,5 млн тенге от водителя.";
    let a = lex().find(s);
    assert_eq!(&s[a[0].span.clone()], "1,5 млн тенге");
    let s = "He demanded US$ 5,000 from him.";
    let a = lex().find(s);
    assert_eq!(&s[a[0].span.clone()], "US$ 5,000");
}

#[test]
fn not_money() {
    none("В 2024 году возбуждено 189 уголовных дел.");
    none("по ч. 4 ст. 366 УК РК");
    none("ҚР ҚК-нің 366-бабы 4-бөлігі бойынша");
    none("Телефон доверия: +7 701 123 45 67.");
    none("Раскрываемость выросла на 15%.");
    none("Задержаны 25 человек, 3 тысячи проверок.");
    none("12.03.2024 в 14:30 его задержали.");
    none("A 34-year-old resident, 5 officers and 2,000 pages.");
    none("Курс тенге: чего ждать от доллара.");
    none("Он был один, ему было сорок лет.");
    none("In 2023, 500 people were detained.");
    none("Ол 3 мыңнан астам ағаш отырғызды.");
    none("He was sentenced to five years.");
}

#[test]
fn year_before_sum_is_not_grouped() {
    one("В 2024 году 500 тысяч тенге", "500000 KZT");
    one("In 2023, 500,000 tenge was paid", "500000 KZT");
}

#[test]
fn bare_sums_with_money_context() {
    one(
        "Он потребовал 100 тысяч, но согласился на меньшее.",
        "100000 KZT",
    );
    let a = lex().find("Сумма 500 тыс. была передана.");
    assert_eq!(a.len(), 1);
    assert!(a[0].currency_implied);
    let a = lex().find("demanded 40 thousand tenge and received 30 thousand");
    assert_eq!(a.len(), 2, "{a:?}");
    assert_eq!(a[1].value, 30000);
    let a = lex().find("потребовал 1 000 долларов, получил 500");
    assert_eq!(a.len(), 1, "{a:?}");
    let a = lex().find("потребовал 1000 долларов, а получил 500 тысяч");
    assert_eq!(a[1].currency, Currency::USD);
}

#[test]
fn roles_of_sums() {
    assert_eq!(
        roles("Суд назначил штраф в размере 700 тысяч тенге."),
        [Role::Fine]
    );
    assert_eq!(roles("He was fined 2 million tenge."), [Role::Fine]);
    assert_eq!(roles("Оған 25 млн теңге айыппұл салынды."), [Role::Fine]);
    assert_eq!(
        roles("Его зарплата составляла около 280 тысяч тенге."),
        [Role::Salary]
    );
    assert_eq!(
        roles("His monthly salary was 300,000 tenge."),
        [Role::Salary]
    );
    assert_eq!(
        roles("Айлық жалақысы 420 мың теңге болған."),
        [Role::Salary]
    );
    assert_eq!(
        roles("Суд избрал залог в размере 3 миллионов тенге."),
        [Role::Bail]
    );
    assert_eq!(roles("released on bail of 10 million tenge"), [Role::Bail]);
    assert_eq!(
        roles("Оны 3 млн теңге кепілге босатуды сұрады."),
        [Role::Bail]
    );
    assert_eq!(
        roles("с конфискацией имущества на 5 млн тенге"),
        [Role::Confiscation]
    );
    assert_eq!(roles("вознаграждение в 100 тысяч тенге"), [Role::Reward]);
    assert_eq!(
        roles("to pay 500,000 tenge in moral damages"),
        [Role::Compensation]
    );
    assert_eq!(
        roles("компенсацию морального вреда в 5 млн тенге"),
        [Role::Compensation]
    );
    assert_eq!(roles("из бюджета выделено 3 млрд тенге"), [Role::Other]);
    assert_eq!(roles("a contract worth 1.8 billion tenge"), [Role::Other]);
    assert_eq!(
        roles("задержан при получении взятки в 80 тысяч тенге"),
        [Role::Principal]
    );
    assert_eq!(
        roles("extorted 850,000 tenge from a farmer"),
        [Role::Principal]
    );
    assert_eq!(roles("5 млн теңге пара алған тергеуші"), [Role::Principal]);
    assert_eq!(
        roles("ущерб государству составил около 46 млн тенге"),
        [Role::Principal]
    );
    assert_eq!(
        roles("мемлекетке 38 млн теңге залал келтірді"),
        [Role::Principal]
    );
    assert_eq!(roles("a 1.5 million tenge bribe"), [Role::Principal]);
    assert_eq!(
        roles("айыппұл салмау үшін одан 20 мың сом талап еткен"),
        [Role::Principal]
    );
    assert_eq!(
        roles("осуждён за взятку в 2 млн тенге, ему назначен штраф в 40 млн тенге"),
        [Role::Principal, Role::Fine]
    );
}

#[test]
fn principal_picks() {
    assert_eq!(
        princ("Суд назначил штраф 45 млн тенге за взятку в 1,5 млн тенге.").as_deref(),
        Some("1500000 KZT")
    );
    assert_eq!(princ("Оған 25 млн теңге айыппұл салынды.").as_deref(), None);
    assert_eq!(
        princ("He demanded 40,000 tenge but received 30,000 tenge.").as_deref(),
        Some("40000 KZT")
    );
    assert_eq!(
        princ("caused damage of 5 million tenge, including a 200,000 tenge bribe").as_deref(),
        Some("5000000 KZT")
    );
    assert_eq!(
        princ("His salary was 300,000 tenge; 2 million tenge was found in his car.").as_deref(),
        Some("2000000 KZT")
    );
    // a cued sum wins over an uncued one that comes first
    let mut a: Vec<Amount> = lex().find("В машине нашли 2 млн тенге.");
    a.extend(lex().find("Он получил взятку в 500 тысяч тенге."));
    assert_eq!(
        principal(&a).map(format_amount).as_deref(),
        Some("500000 KZT")
    );
}

#[test]
fn abbreviation_dots_and_false_ranges() {
    one("Она передала 1 млн. 200 тыс. тенге.", "1200000 KZT");
    one(
        "Он получил 5 млн. Два дня спустя его задержали.",
        "5000000 KZT",
    );
    one("по статье 190 – 2 млн тенге", "2000000 KZT");
    one("В 2020-2021 годах он получил 5 млн тенге", "5000000 KZT");
    one("Взятка составила 2 млн. тенге.", "2000000 KZT");
    one("от 2 до 5 млн тенге", "2000000–5000000 KZT");
    one("5-7 млн тенге", "5000000–7000000 KZT");
    one("Ол 5 млн теңгеден астам ақша жымқырды", "5000000 KZT");
}

#[test]
fn far_cues_in_russian() {
    assert_eq!(
        roles("Официальная зарплата начальника отдела, по данным суда, составляла около 430 тысяч тенге в месяц."),
        [Role::Salary]
    );
    assert_eq!(
        roles("Женщина лишилась 640 тысяч тенге."),
        [Role::Principal]
    );
    assert_eq!(
        roles("За это полицейский попросил два миллиона тенге."),
        [Role::Principal]
    );
}

#[test]
fn sums_written_twice_and_loose_multipliers() {
    one(
        "взятку в размере 50 000 (пятьдесят тысяч) тенге",
        "50000 KZT",
    );
    one("получил 5 тысяч 200 тенге", "5200 KZT");
    one("Он вымогал миллион тенге.", "1000000 KZT");
    one("Ол мың теңге алды.", "1000 KZT");
    none("Ущерб исчисляется десятками тысяч тенге.");
    none("Ущерб исчисляется тысячами тенге.");
    none("He stole millions of tenge.");
    none("Олар мыңдаған теңге жымқырған.");
    one("He took $1 million.", "1000000 USD");
    one("He took 1 million US dollars.", "1000000 USD");
    one("получил 500 тысяч казахстанских тенге", "500000 KZT");
    one("took a $5,000 bribe", "5000 USD");
    one("от пяти до десяти тысяч тенге", "5000–10000 KZT");
    one("Ол бес жүз мың теңге алды.", "500000 KZT");
}

#[test]
fn rates_codes_and_assets() {
    assert_eq!(
        roles("Currency rates USD 446.35 EUR 485.90 RUB 4.97"),
        [Role::Other; 3]
    );
    none("https://example.kz/news/officer-stole-cash-3381");
    assert_eq!(roles("Доллар бағамы 510 теңгеден төмендеді"), [Role::Other]);
    assert_eq!(
        roles("Ұлттық қор активтері 60 млрд долларға жетті"),
        [Role::Other]
    );
    assert_eq!(
        roles("Изъятые 3 млн тенге обращены в доход государства."),
        [Role::Confiscation]
    );
    assert_eq!(roles("He paid a bribe of $446.35."), [Role::Principal]);
}

#[test]
fn kazakh_compound_number_words() {
    // Kazakh composes numbers additively from left to right, each group closed by its
    // multiplier: "екі миллион төрт жүз елу мың" = 2 × 10⁶ + (4 × 100 + 50) × 10³.
    one(
        "Ол тұрғыннан екі миллион төрт жүз елу мың теңге сұрады.",
        "2450000 KZT",
    );
    one(
        "Инспектор алты жүз жетпіс бес мың теңге алған.",
        "675000 KZT",
    );
    // Number words without a currency are no sum ("екі жүз мың адам", people).
    none("Шараға екі жүз мың адам қатысты.");
}
