//! The incident rules, one family at a time, on sentences written for these tests (not
//! taken from the labelled corpus).

use std::sync::LazyLock;

use dozor::extract::{self, Extraction, Lexicon, Measure, Offense, Stage};
use dozor::page;

static LEX: LazyLock<Lexicon> = LazyLock::new(Lexicon::embedded);

/// A plain-text article: a headline line, then paragraphs separated by blank lines.
fn run(text: &str) -> Extraction {
    let article = page::read(text.as_bytes(), None, Some("text/plain"));
    extract::extract(&article, &LEX)
}

fn one(text: &str) -> extract::Incident {
    let ex = run(text);
    assert_eq!(
        ex.incidents.len(),
        1,
        "want one incident, got {:#?}",
        ex.incidents
    );
    ex.incidents.into_iter().next().unwrap()
}

fn none(text: &str) {
    let ex = run(text);
    assert!(
        ex.incidents.is_empty(),
        "want no incident, got {:#?}",
        ex.incidents
    );
}

#[test]
fn a_bribe_with_region_amount_and_stage() {
    let i = one("Участкового из Сарани задержали на взятке\n\n\
        В Сарани участковый инспектор задержан при получении взятки в размере 400 тысяч тенге от владельца кафе. \
        Он обещал не замечать нарушений санитарных норм. Начато досудебное расследование.");
    assert_eq!(i.country, "KZ");
    assert_eq!(i.region.as_deref(), Some("KZ-35"));
    assert_eq!(i.offense, Offense::Bribery);
    assert_eq!(i.amount_kzt, Some(400_000));
    assert_eq!(i.stage, Stage::Detained);
}

#[test]
fn english_and_kazakh_forms() {
    let i = one("Kostanay traffic officer sentenced\n\n\
        A traffic police inspector in Rudny was sentenced to four years in prison for extorting \
        two hundred thousand tenge from truck drivers, the regional court said.");
    assert_eq!(
        (i.region.as_deref(), i.offense, i.amount_kzt),
        (Some("KZ-39"), Offense::Bribery, Some(200_000))
    );
    assert_eq!(i.stage, Stage::Sentenced);

    let i = one("Павлодарда учаскелік инспектор пара алып ұсталды\n\n\
        Павлодар облысында учаскелік полиция инспекторы кәсіпкерден екі миллион теңге пара алған кезде ұсталды.");
    assert_eq!(
        (i.region.as_deref(), i.offense, i.amount_kzt),
        (Some("KZ-55"), Offense::Bribery, Some(2_000_000))
    );
}

#[test]
fn other_bodies_are_not_police() {
    none("В Таразе задержан сотрудник КНБ\n\nСотрудник комитета национальной безопасности задержан в Таразе при получении взятки в 3 млн тенге.");
    none("Customs officers detained at the border\n\nTwo customs officers were detained at a checkpoint in Zharkent for extorting money from drivers.");
    none("Судью задержали на взятке\n\nВ Шымкенте судья районного суда задержан при получении взятки в 5 млн тенге. Дело расследовала полиция.");
    none("Прокурора задержали\n\nЗаместитель прокурора города Кентау задержан по подозрению в получении взятки.");
    none("Аким села задержан\n\nАким сельского округа в Алматинской области задержан антикоррупционной службой за хищение бюджетных средств.");
}

#[test]
fn a_knb_officer_stays_knb_when_called_the_officer() {
    none("KNB officer detained in Aktau\n\nAn officer of the National Security Committee was detained in Aktau.\n\n\
        The officer demanded 2 million tenge from a businessman, investigators said.");
}

#[test]
fn police_at_work_is_not_misconduct() {
    none("Полицейские задержали вора\n\nВ Караганде полицейские задержали подозреваемого в краже телефонов на 300 тысяч тенге.");
    none("Police detain fraud suspect\n\nAlmaty police detained a man suspected of fraud who took 2 million tenge from pensioners.");
    none("Полиция ұрыны ұстады\n\nШымкентте полиция қызметкерлері ұрлық жасады деген күдікпен ер адамды ұстады.");
    // … but a colleague detained by them is a case.
    let i = one("Полицейские задержали коллегу\n\nВ Актобе сотрудники полиции задержали участкового инспектора при получении взятки в 300 тысяч тенге.");
    assert_eq!(i.offense, Offense::Bribery);
}

#[test]
fn crimes_against_police_and_pretenders() {
    none("Водитель напал на полицейского\n\nВ Костанае пьяный водитель напал на полицейского и ударил его.");
    none("Мошенники представились полицейскими\n\nВ Петропавловске мошенники, представившиеся сотрудниками полиции, выманили у пенсионерки 800 тысяч тенге.");
    none("Driver tried to bribe a police officer\n\nIn Taraz a driver tried to bribe a patrol officer with 50,000 tenge and was detained.");
}

#[test]
fn related_news_and_generic_talk_yield_nothing() {
    none(
        "В Кокшетау открыли новый парк\n\nВ Кокшетау открыли новый парк на берегу озера.\n\n\
        Читайте также: Участковый из Кокшетау задержан на взятке в 500 тысяч тенге",
    );
    none("Полиция внедряет нагрудные камеры\n\nМВД внедряет программу обучения, чтобы отдельные сотрудники полиции не брали взятки.");
}

#[test]
fn a_briefing_lists_several_cases_and_one_case_told_long_stays_one() {
    let ex = run("Брифинг МВД\n\n\
        В Атырау инспектор миграционной полиции задержан при получении взятки в 250 тысяч тенге.\n\n\
        В Таразе следователь полиции осуждён за мошенничество на 900 тысяч тенге.\n\n\
        В Усть-Каменогорске участковый уволен за халатность после побега задержанного.");
    let got: Vec<_> = ex
        .incidents
        .iter()
        .map(|i| (i.region.as_deref(), i.offense))
        .collect();
    assert_eq!(
        got,
        [
            (Some("KZ-23"), Offense::Bribery),
            (Some("KZ-31"), Offense::Fraud),
            (Some("KZ-63"), Offense::Negligence)
        ]
    );

    let i = one("В Актобе осуждён бывший начальник отдела полиции\n\n\
        Бывший начальник районного отдела полиции в Актобе приговорён к шести годам лишения свободы за получение взятки.\n\n\
        По данным суда, он потребовал 3 млн тенге у предпринимателя, которому грозила проверка.\n\n\
        Он был задержан в своём кабинете после получения первой части денег.\n\n\
        Приговор может быть обжалован.");
    assert_eq!(
        (i.region.as_deref(), i.amount_kzt, i.stage),
        (Some("KZ-15"), Some(3_000_000), Stage::Sentenced)
    );
}

#[test]
fn foreign_police_keep_their_country() {
    let i = one("В Бишкеке задержан милиционер\n\nВ Бишкеке сотрудник милиции задержан при получении взятки в 50 тысяч сомов.");
    assert_eq!((i.country.as_str(), i.region), ("KG", None));
    assert_eq!(i.amount_kzt, None);
}

#[test]
fn a_death_in_custody_needs_no_accused() {
    let i = one("Задержанный умер в ИВС\n\nВ Жезказгане задержанный скончался в изоляторе временного содержания. Начато расследование по статье о халатности.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-62"), Offense::Death)
    );
    assert_eq!(i.stage, Stage::Investigated);
}

#[test]
fn a_sentence_that_only_may_happen_does_not_set_the_stage() {
    let i = one("Полицейского задержали\n\nВ Таразе задержан инспектор полиции, вымогавший 100 тысяч тенге. Ему грозит до десяти лет лишения свободы.");
    assert_eq!(i.stage, Stage::Detained);
}

#[test]
fn yearly_figures_are_statistics_not_incidents() {
    let ex = run("Итоги года\n\n\
        В 2023 году к дисциплинарной ответственности привлечены 412 сотрудников полиции. \
        Из них 51 уволен из органов внутренних дел, 30 освобождены от должностей. \
        Возбуждено 27 уголовных дел в отношении полицейских, осуждены 15 сотрудников.");
    assert!(ex.incidents.is_empty(), "{:#?}", ex.incidents);
    let got: Vec<_> = ex
        .statistics
        .iter()
        .map(|s| (s.period.as_str(), s.measure, s.value))
        .collect();
    assert_eq!(
        got,
        [
            ("2023", Measure::Disciplined, 412),
            ("2023", Measure::Dismissed, 51),
            ("2023", Measure::RelievedOfPost, 30),
            ("2023", Measure::CriminalCases, 27),
            ("2023", Measure::Convicted, 15)
        ]
    );
}

#[test]
fn a_read_also_line_heads_a_list_of_other_headlines() {
    // The cue stands alone; the headlines follow, each on its own line, without a full stop.
    none(
        "Мошенники обманули жительницу Костаная\n\n\
        Жительница Костаная перевела мошенникам 900 тысяч тенге. Полиция начала расследование.\n\n\
        Смотрите также:\n\n\
        Патрульного из Рудного задержали на взятке в 80 тысяч тенге\n\n\
        В Аркалыке участкового осудили за вымогательство",
    );
    // A paragraph that reads as a sentence ends the list: the case after it counts.
    let i = one("Новости региона\n\n\
        Читайте также:\n\n\
        В Рудном открылся новый каток\n\n\
        В Лисаковске оперуполномоченный задержан при получении взятки в 400 тысяч тенге. Начато досудебное расследование.");
    assert_eq!(
        (i.region.as_deref(), i.amount_kzt),
        (Some("KZ-39"), Some(400_000))
    );
}

#[test]
fn a_new_case_word_starts_another_case_in_the_same_region() {
    let ex = run("Итоги недели в Карагандинской области\n\n\
        В Балхаше участковый инспектор задержан при получении взятки в 120 тысяч тенге.\n\n\
        Помимо этого, в Шахтинске двое патрульных полицейских задержаны с поличным при получении 60 тысяч тенге от водителя.");
    let got: Vec<_> = ex
        .incidents
        .iter()
        .map(|i| (i.region.as_deref(), i.amount_kzt))
        .collect();
    assert_eq!(
        got,
        [
            (Some("KZ-35"), Some(120_000)),
            (Some("KZ-35"), Some(60_000))
        ]
    );
    let ex = run("Weekly round-up\n\n\
        In Ekibastuz, a district police inspector was detained while receiving a bribe of 90,000 tenge.\n\n\
        In a separate case, a patrol officer in Aksu was charged with extorting 40,000 tenge from a driver.");
    assert_eq!(ex.incidents.len(), 2, "{:#?}", ex.incidents);
    // Without the word, a later paragraph about the same town goes on with the same case.
    let i = one("Участкового из Балхаша задержали\n\n\
        В Балхаше участковый инспектор задержан при получении взятки в 120 тысяч тенге.\n\n\
        В Балхаше полицейскому предъявлено обвинение в получении взятки.");
    assert_eq!(i.stage, Stage::Charged);
}

#[test]
fn stage_words_of_other_matters_are_not_the_cases() {
    // Talk in general ("in several cases") and the victim's own detention.
    let i = one("Aktau patrol officers suspended over beating\n\n\
        Two patrol police officers in Aktau were suspended after a video appeared to show them beating a teenager. \
        An investigation into exceeding official powers has been opened.\n\n\
        The teenager had been detained on suspicion of shoplifting.\n\n\
        In several cases last year, officers were dismissed or prosecuted only after such videos spread online.");
    assert_eq!(i.stage, Stage::Investigated);
    // A drunk officer's licence goes to court apart from his dismissal.
    let i = one("В Таразе пьяный лейтенант полиции устроил ДТП\n\n\
        В Таразе лейтенант полиции в состоянии алкогольного опьянения врезался в припаркованный автомобиль. \
        Он уволен из органов внутренних дел. Материалы направлены в суд для лишения его водительских прав.");
    assert_eq!(i.stage, Stage::Disciplined);
    let i = one("Таразда мас полицей жол апатын жасады\n\n\
        Таразда мас күйінде көлік айдаған полиция лейтенанты тұрған көлікке соқтығысты. \
        Ол ішкі істер органдарынан теріс себептер бойынша шығарылды. \
        Оны көлік басқару құқығынан айыру туралы материал сотқа жолданды.");
    assert_eq!(i.stage, Stage::Disciplined);
    // An escape: "detained" is the fugitive's.
    let i = one("Из отдела полиции Экибастуза сбежал задержанный\n\n\
        Из здания отдела полиции Экибастуза сбежал подозреваемый в грабеже, пока конвоир разговаривал по телефону. \
        Беглеца задержали через сутки. В отношении конвоира начато досудебное расследование по статье «Халатность».");
    assert_eq!(i.stage, Stage::Investigated);
    // An earlier story recalled, and the year's figures.
    let i = one("В Шахтинске участковый задержан на взятке\n\n\
        В Шахтинске участковый инспектор задержан при получении взятки в 200 тысяч тенге.\n\n\
        Напомним, в прошлом месяце в Караганде был осуждён бывший инспектор миграционной полиции. \
        С начала года в регионе осуждены 14 полицейских.");
    assert_eq!(i.stage, Stage::Detained);
}

#[test]
fn the_offense_charged_outweighs_the_one_the_lead_names() {
    let i = one("В Кентау патрульных задержали с поличным\n\n\
        В Кентау двое патрульных полицейских задержаны с поличным: за 70 тысяч тенге они отпустили водителя, находившегося в состоянии опьянения. \
        Им предъявлено обвинение в получении взятки.");
    assert_eq!((i.offense, i.amount_kzt), (Offense::Bribery, Some(70_000)));
}

#[test]
fn police_at_work_in_longer_and_kazakh_phrasings() {
    // The unit named after the subject, in English.
    none("Karaganda police seize heroin\n\n\
        Officers of the Department for Combating Drug Crime of the Karaganda police detained two suspects with 3 kg of heroin.");
    // Police who return stolen goods.
    none("Полицейлер ұрланған жылқыларды иесіне қайтарды\n\n\
        Жамбыл облысында полицейлер ұрланған 12 жылқыны иесіне қайтарды. Ұрлық жасады деген күдікпен екі адам ұсталды.");
    none("Полицейские вернули владельцу похищенный автомобиль\n\n\
        В Павлодаре полицейские вернули владельцу похищенный автомобиль, подозреваемый в краже задержан.");
}

#[test]
fn kazakh_names_the_pretended_role_before_the_pretence() {
    none("Өзін полиция қызметкері деп таныстырған алаяқ ұсталды\n\n\
        Ақтауда өзін полиция қызметкері деп таныстырған алаяқ зейнеткерден 900 мың теңге алдап алды.");
    none(
        "Алаяқтар полицей болып таныстырып, ақша алды\n\n\
        Оралда алаяқтар тергеуші ретінде таныстырып, кәсіпкерді 2 млн теңгеге алдады.",
    );
    // A real officer who committed fraud is still a case.
    let i = one("Оралда полиция қызметкері алаяқтық жасады\n\n\
        Орал қалалық полиция басқармасының тергеушісі азаматтан 2 млн теңге алдап алды деген күдікпен ұсталды.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-27"), Offense::Fraud)
    );
}

#[test]
fn a_headline_of_an_officer_who_suffered_tells_the_story() {
    none("Полицейский из Костаная стал жертвой мошенников\n\n\
        Сотрудник полиции Костаная лишился 2 миллионов тенге, поверив в «выгодные инвестиции». \
        Как сообщили в департаменте полиции, майор полиции перевёл деньги неизвестным, после того как ему пообещали высокий доход.");
}

#[test]
fn receiving_a_sum_suggests_a_bribe() {
    let i = one("В Кызылорде задержан инспектор\n\n\
        В Кызылорде задержан инспектор дорожной полиции, который получил 80 тысяч тенге от водителя за то, чтобы не составлять протокол.");
    assert_eq!((i.offense, i.amount_kzt), (Offense::Bribery, Some(80_000)));
    // Without a sum the verb says nothing: a salary is not a bribe, an injury not money.
    none(
        "В Кызылорде полицейский получил награду\n\n\
        В Кызылорде участковый инспектор получил медаль за спасение детей на пожаре.",
    );
}

#[test]
fn talk_without_a_place_or_a_procedure_is_not_a_case() {
    none("Parliament tightens penalties for torture\n\n\
        \"The key question is how often officers who beat detainees will actually be punished,\" a human rights defender said.");
}

#[test]
fn a_foreign_place_anywhere_gives_the_country() {
    let i = one("Инспектора профилактики задержали при получении взятки\n\n\
        По данным ведомства, сотрудник органов внутренних дел потребовал 500 долларов за то, чтобы не составлять протокол.\n\n\
        Задержание произошло в Термезе, в служебном кабинете инспектора.");
    assert_eq!((i.country.as_str(), i.region.as_deref()), ("UZ", None));
}

#[test]
fn posing_as_police_is_a_pretence_in_every_construction() {
    // Russian: a reflexive verb with the role in the instrumental, or "выдавать себя за".
    none(
        "Лжеследователь задержан в Кокшетау\n\n\
        Женщина представлялась следователем полиции и обманула студента на 300 тысяч тенге.",
    );
    none("В Талдыкоргане задержан мошенник\n\n\
        Мужчина выдавал себя за участкового инспектора и путём обмана получил 500 тысяч тенге от жителя Талдыкоргана.");
    none("Aktobe man jailed\n\n\
        A man passing himself off as a traffic police officer swindled a driver out of 100,000 tenge in Aktobe.");
    // Kazakh: "өзін" may stand between the role and the verb of introducing.
    none("Семейде алаяқ ұсталды\n\n\
        Семейде полиция қызметкері деп өзін таныстырған алаяқ зейнеткерді алдап, 400 мың теңге алды.");
}

#[test]
fn representing_someone_is_no_pretence() {
    // "Представлял интересы", "представил протоколы": not the reflexive verb of a pretence,
    // so the officer named after it is still the accused.
    let i = one("В Таразе осуждён участковый\n\n\
        В Таразе осуждён участковый инспектор полиции, который представил руководству сфальсифицированные протоколы.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-31"), Offense::AbuseOfPower)
    );
}

#[test]
fn police_named_as_the_agent_of_a_detention_are_not_the_accused() {
    // "Задержан сотрудниками полиции": the instrumental after a passive of enforcement is
    // who caught the suspect.
    none("В Павлодаре задержан вор\n\n\
        В Павлодаре подозреваемый в краже задержан сотрудниками криминальной полиции, начато расследование по статье «Кража».");
    // After a verb of the offense the instrumental is still the doer.
    let i = one("В Павлодаре студента избили в отделе полиции\n\n\
        В Павлодаре студент был избит полицейскими в отделе, начато расследование.");
    assert_eq!(i.offense, Offense::Violence);
}

#[test]
fn the_defendant_named_by_his_role_is_the_officer_named_before() {
    // "Подсудимый", "осуждённый", "the defendant" stand for the accused as "he" does.
    let i = one("Суд Актобе вынес приговор оперативнику\n\n\
        Суд Актобе признал виновным бывшего оперуполномоченного полиции. Как установил суд, \
        осуждённый избивал доставленного в отдел студента, добиваясь признания. \
        Ему назначено четыре года лишения свободы.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-15"), Offense::Violence)
    );
    let i = one("Oral patrol officer convicted\n\n\
        A court in Oral convicted a former patrol officer on Monday. The defendant had demanded \
        200,000 tenge from a driver to drop a speeding report, the court said.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-27"), Offense::Bribery)
    );
    // The role does not reach past a sentence about someone else.
    none("Суд Костаная рассмотрел дело\n\n\
        В Костанае участковый инспектор полиции выступил свидетелем. Предприниматель дал показания. \
        Подсудимый обманул партнёров на 3 млн тенге.");
}

#[test]
fn an_officer_caught_by_another_body_and_a_promise_for_money() {
    // The body that caught him is the agent of the passive ("сотрудниками … задержан"), its
    // name's "противодействию коррупции" is no talk of policy, and "он" is the officer; a
    // promise beside a sum is fraud; the tenge gloss of the foreign sum is amount_kzt.
    let i = one("В Шымкенте задержан майор полиции\n\n\
        В Шымкенте сотрудниками Агентства по противодействию коррупции задержан майор полиции — \
        начальник отделения миграционной службы. Он обещал предпринимателю решить вопрос с \
        разрешением за 5 000 долларов (около 2,4 млн тенге), хотя таких полномочий не имел.");
    assert_eq!(
        (i.region.as_deref(), i.offense, i.amount_kzt),
        (Some("KZ-79"), Offense::Fraud, Some(2_400_000))
    );
    // A promise without money is no offense.
    none(
        "В Таразе прошла встреча с жителями\n\n\
        В Таразе начальник городской полиции обещал жителям усилить патрулирование улиц.",
    );
}

#[test]
fn a_wire_dateline_gives_way_to_the_place_of_the_story() {
    let i = one("Police lieutenant detained\n\n\
        ALMATY, Dec 4 (Reuters) - A police lieutenant in Taraz was detained while taking a bribe of 300,000 tenge from a driver.");
    assert_eq!(i.region.as_deref(), Some("KZ-31"));
    let i = one("Участковый задержан за вымогательство\n\n\
        Астана. 5 декабря. KAZINFORM – В Экибастузе задержан участковый инспектор полиции, вымогавший 200 тысяч тенге у предпринимателя.");
    assert_eq!(i.region.as_deref(), Some("KZ-55"));
    // A dateline alone still says where.
    let i = one("Officer detained\n\n\
        ASTANA – A police officer was detained while taking a bribe of 100,000 tenge, the anti-corruption agency said.");
    assert_eq!(i.region.as_deref(), Some("KZ-71"));
    // A sentence that opens on a place is no dateline.
    let i = one("Задержан полицейский\n\n\
        Алматы стал местом задержания: в Талгаре задержан участковый инспектор полиции, вымогавший 200 тысяч тенге.");
    assert_eq!(i.region.as_deref(), Some("KZ-75"));
}

#[test]
fn the_article_or_qualification_charged_decides_the_offense() {
    // The article number (Criminal Code of Kazakhstan) beats a drink-driving phrase.
    let i = one("В Семее задержан инспектор\n\n\
        В Семее задержан инспектор патрульной полиции. Он потребовал от водителя, управлявшего \
        машиной в нетрезвом виде, 300 тысяч тенге. Возбуждено уголовное дело по ч. 4 ст. 366 УК РК.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-10"), Offense::Bribery)
    );
    // So does the article's title in words.
    let i = one("В Кызылорде задержан полицейский\n\n\
        В Кызылорде полицейский остановил пьяного водителя и получил от него 100 тысяч тенге. \
        Начато расследование по статье «Взяточничество».");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-43"), Offense::Bribery)
    );
    // Kazakh: the number before "бабы", or the title before it.
    let i = one("Таразда полиция инспекторы ұсталды\n\n\
        Таразда учаскелік полиция инспекторы мас күйінде көлік басқарған жүргізушіден 200 мың теңге алды. \
        Оған ҚК-нің 366-бабы бойынша айып тағылды.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-31"), Offense::Bribery)
    );
    // English: "charged with".
    let i = one("Aktau officer charged\n\n\
        In Aktau a traffic police officer who stopped a drunk driver took 150,000 tenge from him. \
        The officer was charged with bribe-taking.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-47"), Offense::Bribery)
    );
    // A qualification: "квалифицированы как".
    let i = one("В Уральске осуждён полицейский\n\n\
        В Уральске осуждён участковый инспектор полиции, который ударил задержанного. \
        Его действия квалифицированы как превышение должностных полномочий.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-27"), Offense::AbuseOfPower)
    );
}

#[test]
fn a_charge_of_someone_else_or_of_another_code_does_not_decide() {
    // The civilian's earlier conviction is his, not the officer's charge.
    let i = one("В Петропавловске участковый избил задержанного\n\n\
        В Петропавловске участковый инспектор полиции избил задержанного в опорном пункте. \
        Задержанный ранее был осуждён по статье 188 УК РК «Кража».");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-59"), Offense::Violence)
    );
    // "Ст. 188 УК КР" is Kyrgyzstan's numbering, not Kazakhstan's theft.
    let i = one("В Оше милиционер сбил пешехода\n\n\
        В Оше инспектор милиции в нетрезвом состоянии сбил пешехода. Возбуждено дело по ст. 188 УК КР.");
    assert_eq!((i.country.as_str(), i.offense), ("KG", Offense::Traffic));
    // "Could be charged with …": a threat, not the charge.
    let i = one("Taraz officer detained\n\n\
        In Taraz a police officer demanded 500,000 tenge from a trader and was detained. \
        He had told the trader that he could be charged with theft, which carries a prison term.");
    assert_eq!(
        (i.region.as_deref(), i.offense),
        (Some("KZ-31"), Offense::Bribery)
    );
}

#[test]
fn the_police_as_the_source_of_the_news_are_not_accused() {
    none("Задержаны сбытчики\n\n\
        По данным полиции, в Экибастузе задержаны двое мужчин, торговавших синтетическими наркотиками.");
    none("Drug haul in Aktau\n\n\
        According to the police officers, more than forty kilograms of hashish were seized in Aktau this year.");
    none(
        "Есірткі тәркіленді\n\n\
        Полицейлердің айтуынша, Орал қаласында жыл басынан бері 300 келі есірткі тәркіленген.",
    );
    // the source is the police, the accused an officer all the same
    let i = one("Инспектор задержан\n\n\
        По данным полиции, в Косшы инспектор патрульной полиции задержан при получении взятки.");
    assert_eq!(i.offense, Offense::Bribery);
}

#[test]
fn the_speaker_of_a_quotation_did_not_do_what_it_tells() {
    none("Ұрылар ұсталды\n\n\
        «Топ мүшелері қойма күзетшісін ұрып, тауар ұрлаған», – деді аудандық полиция бөлімінің бастығы.");
    none("Гараж ограбили\n\n\
        «Злоумышленники взломали гараж и похитили инструменты», — рассказал начальник отдела полиции.");
    // a title in quotes is no speech: the officer is still the accused
    let i = one("Конвоир под следствием\n\n\
        В Аркалыке в отношении конвоира начато расследование по статье «Халатность», сообщили в полиции.");
    assert_eq!(i.offense, Offense::Negligence);
}

#[test]
fn what_the_police_never_do_is_no_case() {
    none("Осторожно, мошенники\n\n\
        Настоящие сотрудники полиции никогда не требуют деньги за закрытие уголовного дела по телефону.");
    none(
        "Beware of scams\n\n\
        Real police officers never ask for a bribe over the phone, the department reminded.",
    );
}

#[test]
fn a_law_article_number_is_not_a_yearly_figure() {
    let i = one("Участковый под следствием\n\n\
        В Каскелене возбуждено уголовное дело по статье 366 УК РК в отношении участкового инспектора, получившего взятку.");
    assert_eq!(i.offense, Offense::Bribery);
}

#[test]
fn registered_crimes_are_a_yearly_figure_and_no_case() {
    let ex = run("Итоги года\n\n\
        По итогам 2025 года зарегистрировано 305 коррупционных преступлений, совершённых сотрудниками полиции. \
        Осуждены 120 полицейских. К дисциплинарной ответственности привлечены 900 сотрудников.");
    assert!(ex.incidents.is_empty(), "{:#?}", ex.incidents);
    assert!(ex
        .statistics
        .iter()
        .any(|s| s.measure == Measure::CriminalCases && s.value == 305));
}

#[test]
fn a_headline_figure_gives_way_to_the_exact_one_below() {
    let ex = run("Over 1,500 officers disciplined in 2025\n\n\
        Disciplinary penalties were imposed on 1,532 police officers in 2025. \
        Of them, 201 were dismissed and 45 were convicted.");
    let disciplined: Vec<u64> = ex
        .statistics
        .iter()
        .filter(|s| s.measure == Measure::Disciplined)
        .map(|s| s.value)
        .collect();
    assert_eq!(disciplined, [1532]);
}

#[test]
fn a_long_retired_officer_is_no_police_officer() {
    none(
        "Пенсионер МВД обманул дольщиков\n\n\
        В Талгаре бывший полицейский-пенсионер обманул покупателей квартир на 40 миллионов тенге.",
    );
    none("Retired officer held over pyramid scheme\n\n\
        A retired police officer was detained in Semey for defrauding investors of 90 million tenge.");
}

#[test]
fn the_accused_named_again_continues_the_case() {
    let ex = run("Major detained for covering up a brothel\n\n\
        PAVLODAR – A major of the Pavlodar city police department was detained on suspicion of taking bribes from the owners of a sauna.\n\n\
        According to investigators, the major received 300,000 tenge a month for warning them about raids. \
        The sauna's owners also ran a hotel in Kostanay.");
    assert_eq!(ex.incidents.len(), 1, "{:#?}", ex.incidents);
}

#[test]
fn a_sum_from_a_separate_story_is_not_the_case_s() {
    let i = one("Inspector fined drivers with fake protocols\n\n\
        In Zharkent, a migration police inspector was charged with abuse of power for drawing up fake protocols against foreign drivers.\n\n\
        In a separate development, the Khorgos customs post reported the seizure of counterfeit goods worth 25 million tenge.");
    assert_eq!(i.offense, Offense::AbuseOfPower);
    assert_eq!(i.amount_kzt, None);
}

#[test]
fn a_suffering_in_another_clause_is_not_the_officer_s() {
    // "after" opens a clause of its own: the one hospitalised is its subject, not the
    // officer charged before it.
    let i = one(
        "Inspector charged after driver hospitalised in Ekibastuz\n\n\
        A traffic police inspector in Ekibastuz has been charged with exceeding his authority \
        with violence after he punched a driver during a road check, prosecutors said.",
    );
    assert_eq!(i.region.as_deref(), Some("KZ-55"));
    assert_eq!(i.stage, Stage::Charged);
    // The officer who suffers is still a victim, not an accused.
    none(
        "Patrol officer hospitalised in Taraz\n\n\
        A patrol officer was taken to hospital after a drunk driver rammed his car and \
        then assaulted him. The driver was detained on charges of violence against a \
        representative of authority.",
    );
}

#[test]
fn a_kazakh_possessive_is_not_an_accusative() {
    // "полицияның сержанты" (the police's sergeant): -ы after т is the possessive; the
    // accusative of "сержант" would be -ты, and "сержан|ты" cannot be one (н takes -ды).
    let i = one("Ақтауда полиция сержанты мас күйінде көлік жүргізді\n\n\
        Ақтау қаласында жергілікті полиция қызметінің сержанты түнде мас күйінде көлік \
        жүргізіп, жол-көлік оқиғасына түскен. Ол ішкі істер органдарынан шығарылды.");
    assert_eq!(i.region.as_deref(), Some("KZ-47"));
    assert_eq!(i.offense, Offense::Traffic);
    assert_eq!(i.stage, Stage::Disciplined);
    // A true accusative (-ды after р) is the one the deed was done to.
    none(
        "Түркістанда тұрғын полиция қызметкерін ұрды\n\n\
        Түркістан қаласында мас тұрғын учаскелік инспекторды соққыға жықты. Тұрғынға \
        қатысты қылмыстық іс қозғалды.",
    );
}

#[test]
fn an_enumeration_s_next_item_is_another_case() {
    // "Екіншіден" / "Үшіншісі": an ordinal built from a numeral stem opens the next item of
    // a briefing, another case even in the same region.
    let ex = run("Павлодар облысы ПД: екі полицейге қатысты тексеру\n\n\
        Біріншіден, Екібастұз қалалық полиция бөлімінің учаскелік инспекторы мас күйінде \
        көлік жүргізіп, жол апатына түскен. Ол органдардан шығарылды.\n\n\
        Екіншіден, Ақсу қаласының учаскелік инспекторына қатысты алаяқтық бойынша сотқа \
        дейінгі тергеп-тексеру басталды. Ол бір тұрғыннан 500 мың теңге алған.");
    assert_eq!(ex.incidents.len(), 2, "{:#?}", ex.incidents);
    assert_eq!(ex.incidents[0].offense, Offense::Traffic);
    assert_eq!(ex.incidents[1].offense, Offense::Fraud);
    // A bare numeral ("Екі апта бұрын", two weeks earlier) is no ordinal: same case.
    let i = one("Павлодарда учаскелік инспектор ұсталды\n\n\
        Павлодар қаласында учаскелік инспектор тұрғыннан 300 мың теңге пара алған кезде \
        ұсталды.\n\n\
        Екі апта бұрын Павлодар қаласында ол тағы бір тұрғыннан пара талап еткен.");
    assert_eq!(i.offense, Offense::Bribery);
}

#[test]
fn a_verdict_on_him_opening_a_paragraph_continues_the_officer() {
    // The paragraph before ends on the investigator; the next opens with the court's
    // verdict on "оны" (him): the same accused, carried across the paragraph break.
    let i = one("Риддерде бұрынғы тергеуші сотталды\n\n\
        Риддер қаласының тұрғыны інісінің ісі бойынша көмек сұрағанда, қалалық полиция \
        бөлімінің тергеушісі екі миллион теңге керек екенін айтты. Тұрғын ақшаны берді.\n\n\
        Кейін тұрғын арыз жазды. Тергеуші ол кезде қызметтен кетіп үлгерген.\n\n\
        Риддер қалалық соты оны Қылмыстық кодекстің 190-бабы бойынша кінәлі деп тауып, үш \
        жылға бас бостандығынан айырды.");
    assert_eq!(i.region.as_deref(), Some("KZ-63"));
    assert_eq!(i.offense, Offense::Fraud);
    assert_eq!(i.stage, Stage::Sentenced);
    // "He was taken to hospital" after a paragraph about an injured officer is no case.
    none("Officer injured in Taraz\n\n\
        A patrol officer in Taraz was dragged along the road by a car whose driver fled a check.\n\n\
        He was taken to hospital with a fractured arm. The driver was later detained.");
}

#[test]
fn a_uniform_worn_is_not_an_officer() {
    // A rank in the genitive after a uniform or its insignia names what a man wears; "он"
    // after it is that man, a scammer, not an officer.
    none("Пенсионер из Павлодара лишился 2 млн тенге\n\nАферисты связались с пенсионером через мессенджер. С ним говорил человек в кителе с погонами майора. Он убедил мужчину перевести 2 млн тенге на «защищённый счёт».");
    none("Фальшивый инспектор\n\nВ Семее мужчина, одетый в форму сотрудника дорожной полиции, останавливал машины. Он требовал с водителей по 10 тысяч тенге.");
    // The negative: an officer named by his rank, with the uniform after him, stays one.
    let i = one("Полицейский попался на взятке\n\nВ Павлодаре задержан участковый инспектор полиции в форме. Он получил от местного жителя 150 тысяч тенге за прекращение проверки.");
    assert_eq!(i.offense, Offense::Bribery);
}

#[test]
fn a_rank_with_its_police_unit_is_police_after_another_force() {
    // After the anti-corruption agency is named, "инспектор" alone would be its officer;
    // "инспектор роты дорожной полиции" names his police unit and stays police.
    let i = one("Антикор подвёл итоги\n\nСлужба экономических расследований по Павлодарской области сообщила о задержании. В Экибастузе задержан инспектор роты дорожной полиции. Он получил от водителя 40 тысяч тенге.");
    assert_eq!(i.offense, Offense::Bribery);
    // Negative: a verb between the rank and the police is no unit of his.
    none("Антикор задержал своего сотрудника\n\nВ Павлодаре сотрудник Агентства по противодействию коррупции задержан. Инспектор задержан полицией после того, как получил 40 тысяч тенге.");
}

#[test]
fn the_ends_of_a_road_are_not_where_it_happened() {
    // "трасса Астана – Караганда": the towns name the road; the village says where.
    let i = one("Взятка на трассе\n\nНа трассе Астана – Караганда у посёлка Осакаровка задержан инспектор дорожной полиции, получивший от водителя взятку в 30 тысяч тенге.");
    assert_eq!(i.region.as_deref(), Some("KZ-35"));
    // Negative: a town not joined to another by a dash after a road word still counts.
    let i = one("Взятка\n\nВ Астане на дороге задержан инспектор дорожной полиции, получивший от водителя взятку в 30 тысяч тенге.");
    assert_eq!(i.region.as_deref(), Some("KZ-71"));
}

#[test]
fn an_ordinal_paragraph_opens_the_next_case_of_a_list() {
    // Two towns of one region told as "Первое. … Второе. …": two cases.
    let ex = run("Итоги недели\n\nПолиция Костанайской области рассказала о двух делах.\n\nПервое. В Рудном задержан участковый инспектор полиции, получивший взятку в 100 тысяч тенге от предпринимателя.\n\nВторое. Завершено расследование в отношении следователя полиции Костаная. Он присвоил изъятые у задержанного 500 тысяч тенге.");
    assert_eq!(ex.incidents.len(), 2, "{:#?}", ex.incidents);
    // Negative: without the ordinal, a second paragraph of the same region and case joins it.
    let i = one("Взятка\n\nВ Рудном задержан участковый инспектор полиции, получивший взятку в 100 тысяч тенге от предпринимателя.\n\nВ Рудном по этому делу начато расследование, инспектор отстранён от службы.");
    assert_eq!(i.offense, Offense::Bribery);
}

#[test]
fn a_paragraph_in_another_town_of_the_region_is_another_case() {
    // Two towns of one region, each with its own deed: two cases.
    let ex = run("Итоги месяца\n\nВ Лисаковске участковый инспектор в нетрезвом виде совершил ДТП, он уволен.\n\nВ Костанае возбуждено уголовное дело по ст. 362 УК РК в отношении двух сотрудников патрульной полиции, превысивших полномочия.");
    assert_eq!(ex.incidents.len(), 2, "{:#?}", ex.incidents);
}

#[test]
fn the_second_case_of_a_briefing_is_its_own() {
    let ex = run("Прокуратура привела примеры\n\n\
        Так, участковый инспектор из Каратау получил от местного жителя 300 тысяч тенге за возврат изъятого телефона. Возбуждено уголовное дело о мошенничестве.\n\n\
        Второй случай произошёл в Таразе: патрульный полицейский в нетрезвом виде сбил пешехода. В отношении него начато досудебное расследование.");
    assert_eq!(ex.incidents.len(), 2, "{:#?}", ex.incidents);
    assert_eq!(ex.incidents[1].offense, Offense::Traffic);
}

#[test]
fn a_clause_break_keeps_an_officer_from_the_body_that_found_him_out() {
    let i = one("Дознаватель утратил материалы\n\n\
        В Мойынкумском районе прокуратура установила, что дознаватель отдела полиции утратил материалы проверок. \
        Дознаватель привлечён к уголовной ответственности за халатность.");
    assert_eq!(i.offense, Offense::Negligence);
}

#[test]
fn an_opener_naming_only_the_place_still_opens_another_case() {
    let ex = run("Прокурор привёл примеры\n\n\
        В Индерском районе участковый инспектор получил взятку в 200 тысяч тенге.\n\n\
        Второе дело зарегистрировано в Атырау. Два патрульных полицейских избили задержанного в служебной машине.");
    assert_eq!(ex.incidents.len(), 2, "{:#?}", ex.incidents);
    assert_eq!(ex.incidents[1].offense, Offense::Violence);
}

#[test]
fn words_joined_by_and_stay_in_their_figure_s_clause() {
    let ex = run("Half-year results\n\n\
        In 2026 disciplinary penalties were imposed on 540 police officers, 63 of whom were dismissed. \
        Another 17 heads of district and city police departments were relieved of their posts.");
    assert!(
        ex.statistics
            .iter()
            .any(|s| s.measure == Measure::RelievedOfPost && s.value == 17),
        "{:#?}",
        ex.statistics
    );
}
