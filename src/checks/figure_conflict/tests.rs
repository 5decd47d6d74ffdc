//! Documents of our own: some contradict themselves, others are full of
//! unrelated figures and must stay silent.

use crate::checks::boilerplate::CorpusMemory;
use crate::checks::{analyse_article, check_corpus};
use crate::corpus::Article;
use crate::extract::{ExtractOptions, Lexicon};
use crate::rules::RuleSet;

/// (flagged text, first related text, message) of each figure-conflict in a corpus.
fn conflicts_in(docs: &[(&str, &str)]) -> Vec<(String, String, String)> {
    let rules = RuleSet::default();
    let lexicon = Lexicon::builtin();
    let analyses: Vec<_> = docs
        .iter()
        .map(|(name, text)| {
            let a = Article::from_text(*name, text.to_string());
            analyse_article(a, &rules, &lexicon, ExtractOptions::default(), &CorpusMemory::default()).0
        })
        .collect();
    check_corpus(&analyses, &rules)
        .into_iter()
        .filter(|d| d.rule == super::ID)
        .map(|d| {
            let r = d.related.first().map(|r| r.location.quote.clone()).unwrap_or_default();
            (d.location.quote.clone(), r, d.message.clone())
        })
        .collect()
}

fn conflicts(text: &str) -> Vec<(String, String, String)> {
    conflicts_in(&[("t.txt", text)])
}

fn assert_one(text: &str, flagged: &str, related: &str) {
    let c = conflicts(text);
    assert_eq!(c.len(), 1, "expected one conflict in:\n{text}\ngot {c:#?}");
    assert_eq!((c[0].0.as_str(), c[0].1.as_str()), (flagged, related), "{c:#?}");
}

fn assert_none(text: &str) {
    let c = conflicts(text);
    assert!(c.is_empty(), "expected no conflict in:\n{text}\ngot {c:#?}");
}

#[test]
fn bridge_length_and_attributive_length() {
    let t = "The Ridgeway Bridge, which opened in 1987, is 1,200 metres long.\n\n\
             Traffic has doubled since then. Engineers said on Monday that the 900-metre bridge needs new cables.";
    assert_one(t, "900-metre", "1,200 metres");
    let c = conflicts(t);
    assert!(
        c[0].2.contains("length") && c[0].2.contains("Ridgeway Bridge"),
        "{}",
        c[0].2
    );
}

#[test]
fn two_bridges_are_two_quantities() {
    assert_none(
        "The Ridgeway Bridge is 1,200 metres long.\n\n\
         Downstream, the Castle Bridge, a 900-metre bridge built of stone, carries the railway.\n\n\
         Both the Ridgeway Bridge and the Castle Bridge will close in May.",
    );
    assert_none(
        "The Ridgeway Bridge is 1,200 metres long. The Castle Bridge is 900 metres long.\n\n\
         The 900-metre Castle Bridge carries the railway.",
    );
}

#[test]
fn senator_ages() {
    let t = "The senator, 54, said the bill would pass this week.\n\n\
             Critics say the 61-year-old senator has changed her position twice.";
    assert_one(t, "61-year-old", "54");
    let t = "Senator Maria Lopez, 54, said the bill would pass.\n\n\
             Lopez, 61, has served three terms in the chamber.";
    assert_one(t, "61", "54");
}

#[test]
fn different_people_have_different_ages() {
    assert_none(
        "Senator Maria Lopez, 54, and Senator Tom Reyes, 61, wrote the bill.\n\n\
         The 61-year-old senator said he would vote for it.",
    );
    assert_none(
        "The driver, 34, was taken to hospital. His passenger, 29, was unhurt. \
         A 45-year-old man was arrested at the scene.",
    );
    // An age at another time is not the current age.
    assert_none("Lopez, 54, said she first ran for office in 2002, when she was 33. She became mayor at 38.");
}

#[test]
fn dates_of_one_event() {
    assert_one(
        "The plant opened in 1987 and employs 300 people.\n\n\
         Output has grown every year since it opened in 1978, the company said.",
        "1978",
        "1987",
    );
    // Different grains of the same date agree.
    assert_none("The museum opened in 1987. It opened on March 3, 1987, with a concert.");
    // Different subjects, or events that recur, are not compared.
    assert_none("The station opened in 1901. The line opened in 1890 and was extended in 1920 and again in 1954.");
}

#[test]
fn casualty_counts() {
    assert_one(
        "The earthquake killed 214 people in the province, officials said.\n\n\
         Rescue work continued on Friday. The earthquake, which killed 241 people, destroyed 900 homes.",
        "241 people",
        "214 people",
    );
    // A total and a part, a floor and a point, a toll at another time.
    assert_none(
        "At least 200 people were killed in the earthquake.\n\n\
         The earthquake killed 214 people, including 80 children, officials said.",
    );
}

#[test]
fn money_and_percentages() {
    assert_one(
        "The stadium cost $450 million to build.\n\n\
         Fans packed the stadium, which cost $540 million, for the opening game.",
        "$540 million",
        "$450 million",
    );
    assert_one(
        "Voter turnout reached 64%, the commission said.\n\n\
         Analysts said turnout of 46% was the lowest in decades.",
        "46%",
        "64%",
    );
}

#[test]
fn qualifiers_rounding_and_scales_agree() {
    assert_none(
        "Kenya has offered up to 2,000 police officers. Kenya offered 1,500 police officers in a letter.\n\n\
         Gangs control at least 80% of the capital. Gangs control approximately 80% of the capital.",
    );
    assert_none("The flood displaced 1.5 million people. The flood displaced 1,500,000 people, the agency said.");
    assert_none("The fire destroyed nearly 400 homes. The fire destroyed 398 homes across the valley.");
    assert_one(
        "The fire destroyed about 400 homes. The fire destroyed 380 homes across the valley.",
        "380 homes",
        "about 400 homes",
    );
    // Kilometres and metres convert.
    assert_none("The tunnel is 5.2 kilometres long. Work on the 5,200-metre tunnel began in 2015.");
    assert_one(
        "The tunnel is 5.2 kilometres long. Work on the 2,500-metre tunnel began in 2015.",
        "2,500-metre",
        "5.2 kilometres",
    );
}

#[test]
fn figures_at_different_times_are_different_quantities() {
    assert_none(
        "The company employed 300 people in 2010. The company now employs 450 people.\n\n\
         Unemployment was 7% in 2019 and 5% in 2023.",
    );
}

#[test]
fn a_news_report_full_of_figures_is_silent() {
    assert_none(
        "Heavy rain flooded the northern districts on Sunday, the third storm in two weeks.\n\n\
         At least 12 people were killed and 40 injured, the disaster agency said. In the capital, 3 people died \
         when a wall collapsed. The agency said 1,200 homes were damaged and 300 destroyed.\n\n\
         The government released $25 million in emergency funds, and the World Bank pledged $100 million. \
         About 60% of the region's roads were closed, and 45,000 households lost power.\n\n\
         The river rose 4 metres in six hours and peaked at 9.5 metres on Monday. The 2019 floods killed 85 \
         people and displaced 200,000. Rainfall reached 300 millimetres in 24 hours, double the monthly average.\n\n\
         Mayor Ana Silva, 47, said 2,000 volunteers had joined 500 soldiers in the relief effort. \
         \"We need another 1,000 tents,\" she said. Schools will stay closed for 10 days.",
    );
}

#[test]
fn an_encyclopedia_article_full_of_figures_is_silent() {
    assert_none(
        "Castlebridge is a town in the county of Westshire. It had a population of 12,400 at the 2011 census, \
         up from 9,800 in 1991.\n\n\
         The town grew around a mill founded in 1790. The railway station opened in 1851 and closed in 1964; \
         the line was 14 miles long. St Mary's Church, built in 1320, has a tower 40 metres high and a nave \
         30 metres long.\n\n\
         The town's football club was founded in 1888. Its ground holds 4,000 spectators, and its record \
         attendance is 7,215, set in 1951. The club has won the county cup 11 times.\n\n\
         The Castle Bridge, a stone bridge 120 metres long, crosses the river. A second bridge, 300 metres \
         long, opened in 1978. The town hall was completed in 1899 at a cost of £12,000.",
    );
}

#[test]
fn across_articles_the_outlier_is_reported_against_the_majority() {
    let docs = [
        ("a.txt", "Kenya has deployed 400 police officers to Haiti."),
        ("b.txt", "The 400 Kenyan police deployed to Haiti began patrols."),
        ("c.txt", "Kenya deployed 600 police officers to Haiti, officials said."),
    ];
    let c = conflicts_in(&docs);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(c[0].0.contains("600"), "{c:#?}");
    assert!(c[0].2.contains("a.txt") && c[0].2.contains("b.txt"), "{}", c[0].2);
    // Figures of different countries never meet.
    let docs = [
        ("a.txt", "Belize deployed 50 soldiers."),
        ("b.txt", "The Bahamas deployed 150 soldiers."),
        ("c.txt", "Jamaica deployed 170 soldiers."),
    ];
    assert!(conflicts_in(&docs).is_empty());
}

#[test]
fn one_diagnostic_per_figure_and_no_pair_twice() {
    let c = conflicts(
        "The storm killed 12 people, officials said.\n\n\
         The storm killed 12 people in two provinces. Later reports said the storm killed 19 people.",
    );
    assert!(c.len() <= 1, "{c:#?}");
}

#[test]
fn new_referents_are_not_the_same_thing() {
    assert_none(
        "Police arrested a 34-year-old man on Friday. On Saturday they arrested a 29-year-old man in the same \
         street. A 900-metre bridge links the islands, and a 1,200-metre bridge crosses the bay.",
    );
    assert_none("The club signed a striker, 24, from Porto. It also signed a goalkeeper, 31, and another striker, 19.");
}

#[test]
fn parts_places_and_changes_are_not_conflicts() {
    assert_none(
        "The storm killed at least 9 people across the state. Four people died in Port Avery, and five in \
         Lassen County.\n\nThe storm killed 4 people in Port Avery, officials there said.",
    );
    assert_none(
        "Support for the party fell to 21% in May. Support for the party was 25% in January.\n\n\
         Of the 120 passengers, 80 were rescued. The ship carried 120 passengers and 40 crew.",
    );
    assert_none(
        "The company employs 300 people in France and 450 in Germany. Sales rose 12% to $4 billion. \
         Profit rose 3% to $400 million, and the company paid out $150 million in dividends.",
    );
}

#[test]
fn a_biography_with_many_dates_is_silent() {
    assert_none(
        "Jonas Lind (born 4 April 1948) is a Swedish architect. He was born in Uppsala, the son of a carpenter. \
         His brother Erik was born in 1951.\n\n\
         Lind founded his practice in 1979. His best-known building, the Harbour Library, opened in 1994; the \
         City Theatre opened in 2001 and the Lind House was completed in 1986. His father died in 1970, and his \
         mother died in 1992.\n\n\
         Lind was married to the painter Sara Holm from 1972 until her death in 2010. He has two children.",
    );
}

#[test]
fn self_contradicting_biography() {
    assert_one(
        "Jonas Lind (born 4 April 1948) is a Swedish architect.\n\n\
         Lind founded his practice in 1979. Lind was born in 1946 in Uppsala.",
        "1946",
        "4 April 1948",
    );
    assert_one(
        "Lind founded his practice in 1979 with two partners.\n\n\
         By 1990 the practice had 40 employees. Lind, who founded the practice in 1981, retired in 2015.",
        "1981",
        "1979",
    );
}

#[test]
fn self_contradicting_money_and_share() {
    assert_one(
        "The city paid $12 million for the site in 2015.\n\n\
         Critics said the site was worth far less. The city paid $21 million for the site in 2015, records show.",
        "$21 million",
        "$12 million",
    );
    assert_one(
        "Haiti’s gangs control 80% of the capital, the United Nations says.\n\n\
         Haiti’s gangs control 60% of the capital.",
        "60%",
        "80%",
    );
}

#[test]
fn shares_of_different_wholes() {
    assert_none("Gangs control 80% of the capital. Gangs control 60% of the country.");
    assert_one(
        "Gangs control 80% of the capital, the report said.\n\nAid groups say gangs control 60% of the capital.",
        "60%",
        "80%",
    );
}

#[test]
fn an_appositive_name_is_the_subject() {
    assert_one(
        "The oldest college, St Anne’s College, has 1,200 students.\n\nSt Anne’s College has 2,100 students.",
        "2,100 students",
        "1,200 students",
    );
}

#[test]
fn articles_dated_apart_may_report_a_changed_figure() {
    let rules = RuleSet::default();
    let lexicon = Lexicon::builtin();
    let docs = [
        (
            "a.txt",
            "date 2024-01-10 Mission update\n\nKenya has deployed 400 police officers to Haiti.\n",
        ),
        (
            "b.txt",
            "date 2024-09-02 Mission grows\n\nKenya has deployed 600 police officers to Haiti.\n",
        ),
    ];
    let analyses: Vec<_> = docs
        .iter()
        .map(|(name, text)| {
            let a = Article::from_text(*name, text.to_string());
            analyse_article(a, &rules, &lexicon, ExtractOptions::default(), &CorpusMemory::default()).0
        })
        .collect();
    let d: Vec<_> = check_corpus(&analyses, &rules)
        .into_iter()
        .filter(|d| d.rule == super::ID)
        .collect();
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
    assert!(d[0].message.contains("may have changed"), "{}", d[0].message);
    // The same figures in articles of one date are a warning.
    let same = [
        (
            "a.txt",
            "date 2024-01-10 Mission update\n\nKenya has deployed 400 police officers to Haiti.\n",
        ),
        (
            "b.txt",
            "date 2024-01-10 Mission grows\n\nKenya has deployed 600 police officers to Haiti.\n",
        ),
    ];
    let c = conflicts_in(&same);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(!c[0].2.contains("may have changed"));
}

#[test]
fn the_price_of_a_thing() {
    assert_one(
        "The stadium cost $450 million to build.\n\nFans filled the $540 million stadium on Sunday.",
        "$540 million",
        "$450 million",
    );
    assert_none("The stadium cost $450 million to build.\n\nFans filled the $450 million stadium on Sunday.");
}

#[test]
fn a_man_of_about_thirty() {
    assert_one(
        "Police named the victim as John Marsh, a man of about 30, from Leeds.\n\n\
         Neighbours said Marsh, 45, had lived in the street for a decade.",
        "45",
        "about 30",
    );
    // About 30 and 31 agree; an unnamed man of about 30 is nobody else.
    assert_none(
        "Police named the victim as John Marsh, a man of about 30.\n\nMarsh, 31, had lived there for a decade. \
         Officers were looking for a man of about 45.",
    );
}

// Frames: restatements far apart, worded differently.

#[test]
fn frame_a_count_restated() {
    assert_one(
        "The judge was due to hear six appeals filed by the tenants.\n\n\
         Rain closed the courthouse on Monday. The clerk said the four appeals filed by the tenants would wait.",
        "four appeals",
        "six appeals",
    );
}

#[test]
fn frame_a_meeting_date_restated() {
    assert_one(
        "date 2024-03-01 Orlin merger\n\nOrlin shareholders will vote on the merger at a special meeting on May 12.\n\n\
         Farrow said it expects to close the deal soon after Orlin holders approve it at their June 9 meeting.",
        "June 9",
        "May 12",
    );
}

#[test]
fn frame_figures_in_a_list_are_items() {
    assert_none(
        "Sales were 4.1 mln bags against the old crop and 1.2 mln bags against the new crop.\n\n\
         Traders put the old crop at about 4.4 mln bags.",
    );
}

#[test]
fn frame_an_earlier_value_and_other_holders() {
    assert_none(
        "Zenda raised the value of its offer to 9 dlrs a share from 8 dlrs a share.\n\n\
         Zenda said the value of its offer from 8 dlrs a share was too low.",
    );
    assert_none("Colorado has a 3% sales tax on food. Denver itself collects a 1% sales tax on food.");
}

#[test]
fn frame_dates_that_name_documents_and_ranks_of_items() {
    assert_none(
        "Congress passed the act of March 3, 1891 on tariffs.\n\n\
         The duties were changed by the act of May 4, 1894 on tariffs.",
    );
    assert_none("His first shot went into the water. His second shot found the fairway near the water.");
}

#[test]
fn frame_a_persons_weight_and_a_condition() {
    assert_one(
        "A 190-pound junior from Ashby, Larkin starts at guard.\n\n\
         The line held all season. \"We just kept working,\" the 172-pound Larkin said after practice.",
        "172-pound",
        "190-pound",
    );
    assert_none(
        "The tariff on steel is 5 per cent, the ministry said.\n\n\
         If the tariff on steel were raised to 9 per cent, the ministry said, mills would close.",
    );
}

#[test]
fn what_ought_to_be_is_not_what_is() {
    // A recommendation beside the plan in force.
    assert_none(
        "A panel said the city should expand its reservoir to 90 million gallons as a safeguard against drought.\n\n\
         City policy is to expand the reservoir to 60 million gallons, from its present 40 million.",
    );
}

#[test]
fn new_items_are_an_increment() {
    assert_none(
        "Libraries\n\nThe state has 31 public libraries and 12 museums, the governor said on Monday.\n\n\
         The governor said the state has 9 new public libraries and 2 new museums.",
    );
}

#[test]
fn a_street_number_is_not_a_count() {
    assert_none(
        "Weddings\n\nMiss Ann Lowe was married Saturday to Carl Dunn. They will live at 412 Larkspur after a wedding trip to Dover.\n\n\
         The wedding of Miss Jane Pratt and Tom Hale was held last Sunday. They will live at 3120 Larkspur after a wedding trip to Rye.",
    );
}

#[test]
fn a_figure_given_for_a_named_place_is_another_quantity() {
    assert_none(
        "The miners' union offered a $2,000 reward for information about the fire.\n\n\
         A $200 reward was offered by the union's branch in Port Harlow, officials said.",
    );
}

#[test]
fn a_paragraph_in_lower_case_continues_the_period_before_it() {
    // A breakdown for one month, then one for the year so far, its lines split into paragraphs.
    assert_none(
        "Orders in March totaled $90,000, the board said. The breakdown: homes at $50,000, up 4 per cent;\n\n\
         shops at $40,000. Orders for the first three months of the year amounted to $300,000. \
         The breakdown of the three-month total: homes at $180,000;\n\n\
         shops at $120,000, the board said.",
    );
}

#[test]
fn two_players_tallies() {
    assert_none(
        "Quint wins at Harlow\n\nAnn Marlow opened with a birdie and added three bogeys. He finished with four birdies and 11 pars for a 70.\n\n\
         Playing behind him, Quint made two eagles, two birdies and 14 pars for a 66.",
    );
}

#[test]
fn a_career_in_years_is_an_age() {
    assert_one(
        "Open\n\nTom Avery, the tall, quiet Canadian, was the winner, but in all his 31 years he never waited so long.\n\n\
         Avery, the 29-year-old Canadian, won only once before.",
        "29-year-old",
        "31 years",
    );
}

#[test]
fn what_rises_is_the_head() {
    assert_one(
        "Crash\n\nThe channel was closed when a barge struck a 300-foot mast carrying cables over the bay.\n\n\
         Officials said the mast, which rises 240 feet above the bay, was not damaged.",
        "240 feet",
        "300-foot",
    );
}

#[test]
fn the_date_of_what_happened_to_a_named_subject() {
    assert_one(
        "Deal\n\nThe company said on May 3, 1985, its parent Larkin Holdings Inc acquired Teller Press Inc for 12 mln shares, \
         but the deal was never approved by the Board of Trade. Larkin completed the acquisition in 1983, the company said.",
        "1983",
        "May 3, 1985",
    );
}

#[test]
fn two_holders_streaks() {
    assert_none(
        "Spring\n\nThe Hawks lost again tonight, their fifth straight exhibition defeat, to the Rams.\n\n\
         Downs, March 2 -- Winning her second straight race, Miss Tilly, a 3-year-old filly, took the purse.",
    );
}
