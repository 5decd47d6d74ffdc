//! Claims on wire-style copy (issue 15), with stories of our own: money in
//! the wire's abbreviations, and a company named once and then "the bank",
//! "it" or "the group".

mod common;

use common::*;

fn claim_findings(rules: &str, article: &str) -> Vec<(String, String)> {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("claimlint-wire-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("rules.yaml"), rules).unwrap();
    std::fs::write(dir.join("story.txt"), article).unwrap();
    let out = run_in(
        &dir,
        &[
            "check",
            "story.txt",
            "--isolated",
            "--rules",
            "rules.yaml",
            "--format",
            "json",
        ],
        None,
    );
    let doc = json(&out);
    let mut found = Vec::new();
    for rule in ["claim-agrees", "claim-mismatch"] {
        for (_, text) in findings(&doc, rule, |_, s, e| article[s..e].to_string()) {
            found.push((rule.to_string(), text));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    found.sort();
    found
}

const RULES: &str = r#"
entities:
  "Harbor Trust Bancorp": ["Harbor Trust Bancorp Inc", "Harbor Trust"]
measures:
  deposits:
    units: [USD]
    cues: [deposits]
claims:
  - subject: "Harbor Trust Bancorp"
    measure: deposits
    op: "="
    value: "USD 4.2 billion"
"#;

#[test]
fn mln_dlrs_are_money_and_the_bank_is_the_company_named_before() {
    let story = "date 1991-05-02\nHARBOR TRUST TO BUY LAKESIDE SAVINGS\n\n\
                 Harbor Trust Bancorp Inc said it agreed to buy Lakeside Savings for 310 mln dlrs in cash.\n\n\
                 The bank said the deal would give it deposits of 4.2 billion dlrs.\n";
    let found = claim_findings(RULES, story);
    assert_eq!(
        found,
        [("claim-agrees".to_string(), "4.2 billion dlrs".to_string())],
        "{found:?}"
    );
}

#[test]
fn a_wrong_figure_in_wire_style_is_a_mismatch() {
    let story = "date 1991-05-02\nHARBOR TRUST TO BUY LAKESIDE SAVINGS\n\n\
                 Harbor Trust Bancorp Inc said it agreed to buy Lakeside Savings.\n\n\
                 The group said it would then hold deposits of 2.4 billion dlrs.\n";
    let found = claim_findings(RULES, story);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "claim-mismatch");
}

#[test]
fn a_company_named_only_after_the_figure_is_not_its_holder() {
    // The discourse looks back, never forward to a later paragraph.
    let story = "date 1991-05-02\nLAKESIDE SAVINGS SOLD\n\n\
                 Lakeside Savings said its deposits were 2.4 billion dlrs.\n\n\
                 Harbor Trust Bancorp declined to comment.\n";
    assert_eq!(claim_findings(RULES, story), Vec::<(String, String)>::new());
}

const LIST_RULES: &str = r#"
entities:
  "Northfield Bancorp": ["Northfield"]
measures:
  loans:
    units: [USD]
    cues: [holding, loans]
claims:
  - subject: "Northfield Bancorp"
    measure: loans
    op: "="
    value: "USD 2.1 billion"
"#;

#[test]
fn a_list_of_amounts_states_the_measure_only_where_its_own_phrase_names_it() {
    // "holding" reaches both amounts; only the first names loans in its own phrase.
    let story = "date 1993-02-11\nNORTHFIELD TO MERGE\n\n\
                 Northfield Bancorp said the merged bank would be holding 2.1 billion dlrs in loans and \
                 3.4 billion dlrs in deposits.\n";
    assert_eq!(
        claim_findings(LIST_RULES, story),
        vec![("claim-agrees".to_string(), "2.1 billion dlrs".to_string())]
    );
}

const ROOMS_RULES: &str = r#"
entities:
  "Seacliff Inn": ["the Seacliff"]
measures:
  rooms:
    cues: [room]
claims:
  - Seacliff Inn rooms = 140
"#;

#[test]
fn a_hyphenated_noun_after_a_count_names_its_measure() {
    let story = "date 1994-06-01\nSEACLIFF INN SOLD\n\n\
                 The 140-room Seacliff Inn was sold to a group of investors, the owners said.\n";
    assert_eq!(
        claim_findings(ROOMS_RULES, story),
        vec![("claim-agrees".to_string(), "140".to_string())]
    );
}

const RATE_RULES: &str = r#"
entities:
  Norland: [Norlandic]
measures:
  output:
    units: [barrels per day]
    cues: [output, pumping, produce]
claims:
  - Norland output = 900,000
"#;

#[test]
fn a_rate_unit_matches_every_way_the_wire_writes_it() {
    for (figure, rule) in [
        ("900,000 bpd", "claim-agrees"),
        ("900,000 barrels per day", "claim-agrees"),
        ("900,000 barrels of crude daily", "claim-agrees"),
        ("1.2 mln barrels a day", "claim-mismatch"),
    ] {
        let story =
            format!("date 1988-04-05\nNORLAND OUTPUT STEADY\n\nNorland is pumping {figure}, its minister said.\n");
        let found = claim_findings(RATE_RULES, &story);
        assert_eq!(found, vec![(rule.to_string(), figure.to_string())], "{figure}");
    }
    // A stock of barrels is not a rate.
    let story = "date 1988-04-05\nNORLAND\n\nNorland is pumping oil from 900,000 barrels in storage.\n";
    assert_eq!(claim_findings(RATE_RULES, story), vec![]);
}

const PRIZE_RULES: &str = r#"
entities:
  "Dana Whitley": [Whitley]
measures:
  winnings:
    units: [USD]
    cues: [prize money, won]
claims:
  - Dana Whitley winnings = $91,200
"#;

#[test]
fn a_country_inside_a_longer_proper_name_is_not_the_holder() {
    let story = "date 1962-01-04\nWHITLEY HONOURED\n\n\
                 Dana Whitley had the best season of any golfer. She won the Western Open, the United States \
                 Open and a record $91,200 in prize money.\n";
    assert_eq!(
        claim_findings(PRIZE_RULES, story),
        vec![("claim-agrees".to_string(), "$91,200".to_string())]
    );
}

const ROAD_RULES: &str = r#"
entities:
  "Ridge Valley Turnpike": [Ridge Valley road]
measures:
  length:
    units: [miles]
    cues: [mile]
claims:
  - Ridge Valley Turnpike length = 142
"#;

#[test]
fn a_hyphenated_figure_measures_the_name_it_precedes() {
    let story = "date 1962-01-04\nTOLL ROADS\n\nSome roads are new. The 124-mile Ridge Valley Turnpike, for \
                 example, was opened in 1958.\n";
    assert_eq!(
        claim_findings(ROAD_RULES, story),
        vec![("claim-mismatch".to_string(), "124-mile".to_string())]
    );
}

const PROFIT_RULES: &str = r#"
entities:
  "Brightwater Tools": ["Brightwater Tools Co", "Brightwater"]
measures:
  pretax:
    units: [USD]
    cues: [pre-tax profit, pre-tax profits]
  sale:
    units: [USD]
    cues: [sold]
claims:
  - Brightwater Tools pretax = USD 3.4 million
  - Brightwater Tools sale = USD 250,000
"#;

#[test]
fn hyphenated_cue_phrases_and_asides_between_commas() {
    let story = "date 1988-04-05\nBRIGHTWATER SOLD\n\n\
                 Brightwater is a maker of hand tools, with sales of 40.5 mln dlrs and pre-tax profits of 3.4 mln \
                 in 1987.\n\n\
                 Brightwater said it sold its drill patents to Kestrel Inc of Dayton, Ohio, \
                 for 250,000 dlrs.\n";
    assert_eq!(
        claim_findings(PROFIT_RULES, story),
        vec![
            ("claim-agrees".to_string(), "250,000 dlrs".to_string()),
            ("claim-agrees".to_string(), "3.4 mln".to_string()),
        ]
    );
}

const STAKE_RULES: &str = r#"
entities:
  "Corvane Holdings": ["Corvane"]
measures:
  offer:
    units: [USD]
    cues: [offer, offered, fee]
claims:
  - Corvane Holdings offer = USD 31
"#;

#[test]
fn a_figure_tied_only_through_the_discourse_does_not_contradict_a_confirmed_claim() {
    let story = "date 1989-09-12\nCORVANE BIDS FOR LINDQUIST\n\n\
                 Corvane Holdings offered 31 dlrs a share for Lindquist Corp, the companies said.\n\n\
                 Lindquist's advisers will earn a fee of 2.5 dlrs a share, it said.\n";
    assert_eq!(
        claim_findings(STAKE_RULES, story),
        vec![("claim-agrees".to_string(), "31 dlrs".to_string())]
    );
    // Without the confirming figure, the borrowed tie still reports.
    let story = "date 1989-09-12\nCORVANE BIDS FOR LINDQUIST\n\n\
                 Corvane Holdings made a bid for Lindquist Corp, the companies said.\n\n\
                 The offer is 2.5 dlrs a share, it said.\n";
    assert_eq!(
        claim_findings(STAKE_RULES, story),
        vec![("claim-mismatch".to_string(), "2.5 dlrs".to_string())]
    );
}

const CAD_RULES: &str = r#"
currency: CAD
entities:
  "Maple Rail": [Maple Rail Corp]
measures:
  contract:
    units: [CAD]
    cues: [contract]
claims:
  - Maple Rail contract = $40 million
"#;

#[test]
fn a_corpus_currency_makes_a_bare_dollar_its_own_in_articles_and_claims() {
    let story = "date 2001-05-02\nMAPLE RAIL WINS\n\nMaple Rail Corp won a $40 million contract.\n";
    assert_eq!(
        claim_findings(CAD_RULES, story),
        vec![("claim-agrees".to_string(), "$40 million".to_string())]
    );
    // US dollars written as such are not the corpus's currency.
    let story = "date 2001-05-02\nMAPLE RAIL WINS\n\nMaple Rail Corp won a US$40 million contract.\n";
    assert_eq!(claim_findings(CAD_RULES, story), vec![]);
    // An article's front matter overrides the corpus.
    let story = "---\ntitle: Maple Rail wins\ndate: 2001-05-02\ncurrency: AUD\n---\n\nMaple Rail Corp won a $40 million contract.\n";
    assert_eq!(claim_findings(CAD_RULES, story), vec![]);
}

#[test]
fn an_unknown_currency_code_is_a_rules_error() {
    let dir = std::env::temp_dir().join(format!("claimlint-wire-cur-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("rules.yaml"), "entities:\n  Acme: []\ncurrency: CDN\n").unwrap();
    std::fs::write(dir.join("a.txt"), "Acme sold 5 mln dlrs of bonds.\n").unwrap();
    let out = run_in(&dir, &["check", "a.txt", "--rules", "rules.yaml"], None);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("rules.yaml:3:1") && err.contains("CDN"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

const TENURE_RULES: &str = r#"
entities:
  "Ruth Calloway": [Calloway, Mrs. Calloway]
measures:
  tenure:
    units: [years]
    cues: [served, tenure]
claims:
  - Ruth Calloway tenure = 21 years
"#;

#[test]
fn a_duration_claim_compares_durations_in_any_unit_of_time() {
    for (figure, rule) in [
        ("21 years", "claim-agrees"),
        ("252 months", "claim-agrees"),
        ("12 years", "claim-mismatch"),
    ] {
        let story =
            format!("date 1999-01-04\nCALLOWAY RETIRES\n\nRuth Calloway served {figure} on the county bench.\n");
        assert_eq!(
            claim_findings(TENURE_RULES, &story),
            vec![(rule.to_string(), figure.to_string())],
            "{figure}"
        );
    }
    // A count is not a duration.
    let story = "date 1999-01-04\nCALLOWAY RETIRES\n\nRuth Calloway served 21 clients.\n";
    assert_eq!(claim_findings(TENURE_RULES, story), vec![]);
}

const HOLDING_RULES: &str = r#"
entities:
  "Osprey Partners": [Osprey]
measures:
  holding:
    units: [shares]
    cues: [stake, holding]
claims:
  - Osprey Partners holding = 410,000
"#;

#[test]
fn the_value_before_a_change_is_not_judged_against_a_claim() {
    let story = "date 1987-03-04\nOSPREY RAISES STAKE\n\nOsprey Partners said it raised its stake in Tern Corp \
                 to 410,000 shares from 302,500 shares.\n";
    assert_eq!(
        claim_findings(HOLDING_RULES, story),
        vec![("claim-agrees".to_string(), "410,000 shares".to_string())]
    );
}

#[test]
fn a_cut_is_not_the_level_it_leads_to_and_a_level_is_not_the_change() {
    let rules = r#"
entities:
  "Delta Refining": ["Delta Refining Co", "Delta"]
measures:
  "crude price cut":
    units: [USD]
    cues: [cut, reduced]
  "posted crude price":
    units: [USD]
    cues: [price, reduced]
claims:
  - subject: "Delta Refining"
    measure: "crude price cut"
    op: "="
    value: "USD 1.25"
  - subject: "Delta Refining"
    measure: "posted crude price"
    op: "="
    value: "USD 17.40"
"#;
    let story = "date 1990-02-03\nDELTA CUTS CRUDE PRICES\n\n\
                 Delta Refining Co said it reduced its posted price for light crude by 1.25 dlrs to 17.40 dlrs a barrel.\n";
    let found = claim_findings(rules, story);
    assert_eq!(
        found,
        vec![
            ("claim-agrees".to_string(), "1.25 dlrs".to_string()),
            ("claim-agrees".to_string(), "17.40 dlrs".to_string()),
        ],
        "{found:?}"
    );
}

#[test]
fn a_total_does_not_state_a_price_per_share() {
    let rules = r#"
entities:
  "Norden Systems": ["Norden Systems Inc", "Norden"]
measures:
  "offer per Kell share":
    units: [USD]
    cues: [offer, a share]
claims:
  - subject: "Norden Systems"
    measure: "offer per Kell share"
    op: "="
    value: "USD 31"
"#;
    let story = "date 1990-02-03\nNORDEN BIDS FOR KELL\n\n\
                 Norden Systems Inc said it made an offer for all shares of Kell Corp at 21 dlrs a share, or about 48 mln dlrs.\n";
    let found = claim_findings(rules, story);
    assert_eq!(
        found,
        vec![("claim-mismatch".to_string(), "21 dlrs".to_string())],
        "{found:?}"
    );
}

fn one(rule: &str, text: &str) -> Vec<(String, String)> {
    vec![(rule.to_string(), text.to_string())]
}

#[test]
fn an_annual_measure_is_not_stated_by_a_quarter() {
    let rules = r#"
entities:
  "Corvane Shipping": ["Corvane Shipping Ltd", "Corvane"]
measures:
  "annual revenues":
    units: [USD]
    cues: [revenues]
claims:
  - subject: "Corvane Shipping"
    measure: "annual revenues"
    op: "="
    value: "USD 310 million"
"#;
    let story = "date 1990-02-03\nCORVANE RESULTS\n\n\
                 Corvane Shipping Ltd said revenues were 240 mln dlrs in the year to June, \
                 and in the fourth quarter it had revenues of 71 mln dlrs.\n";
    assert_eq!(claim_findings(rules, story), one("claim-mismatch", "240 mln dlrs"));
}

#[test]
fn an_increment_is_not_the_level_and_a_purchase_is_not_the_shares_outstanding() {
    let rules = r#"
entities:
  "Marlow County": ["Marlow County", "Marlow"]
  "Tessic Corp": ["Tessic Corp", "Tessic"]
measures:
  "county sales tax":
    units: ["%"]
    cues: [sales tax]
  "shares outstanding":
    units: []
    cues: [common shares, outstanding]
claims:
  - subject: "Marlow County"
    measure: "county sales tax"
    op: "="
    value: "3%"
  - subject: "Tessic Corp"
    measure: "shares outstanding"
    op: "="
    value: "4,100,000"
"#;
    let story = "date 1990-02-03\nMARLOW VOTES TAX\n\n\
                 Marlow County voters approved an additional 3% sales tax for roads.\n\n\
                 An investor offered to buy 410,000 common shares of Tessic Corp at 12 dlrs each.\n";
    assert_eq!(claim_findings(rules, story), vec![]);
}

#[test]
fn a_cue_belongs_to_the_figure_of_its_own_statement() {
    let rules = r#"
entities:
  "Pelotas": ["Pelotas"]
measures:
  "crop estimate":
    units: [bags]
    cues: [crop, estimates]
claims:
  - subject: "Pelotas"
    measure: "crop estimate"
    op: "~"
    value: "3.1 million"
"#;
    // The cue "crop estimates" is the first figure's; the others are stocks
    // and sales, each a statement of its own.
    let story = "date 1990-02-03\nPELOTAS RICE\n\n\
                 With Pelotas crop estimates about 3.1 mln bags and deliveries at 2.9 mln there are \
                 a few hundred thousand bags still on farms.\n\n\
                 Pelotas sales are now estimated at 2.4 mln bags against the 1989/90 crop and \
                 0.5 mln bags against the new crop.\n";
    assert_eq!(claim_findings(rules, story), one("claim-agrees", "about 3.1 mln bags"));
}

#[test]
fn a_count_of_another_noun_is_not_the_count_a_cue_names() {
    let rules = r#"
entities:
  "Harlan League": ["Harlan League"]
measures:
  "clubs":
    units: []
    cues: [clubs]
claims:
  - Harlan League clubs = 12
"#;
    let story = "date 1990-02-03\nLEAGUE HONOURS\n\n\
                 The Harlan League has 12 clubs this season.\n\n\
                 Harlan League club officials were given a pair of engraved watches.\n";
    assert_eq!(claim_findings(rules, story), one("claim-agrees", "12 clubs"));
}

#[test]
fn another_named_subject_holds_its_own_figures() {
    let rules = r#"
entities:
  "Brannock Mills": ["Brannock Mills Inc", "Brannock"]
  "Quill Holdings": ["Quill Holdings", "Quill"]
measures:
  employees:
    units: []
    cues: [employees, employs]
  stake:
    units: ["%"]
    cues: [stake]
claims:
  - subject: "Brannock Mills"
    measure: employees
    op: "="
    value: "900"
  - subject: "Quill Holdings"
    measure: stake
    op: "="
    value: "31%"
"#;
    // The story moves from Brannock to other mills; a relative clause's
    // figure is its antecedent's.
    let story = "date 1990-02-03\nTEXTILE MAKERS\n\n\
                 Brannock Mills Inc makes yarn at its plant in Gastonia.\n\n\
                 The Fenwick Weaving Co. opened a mill in Shelby in 1952. Its plant there employs about 300.\n\n\
                 Later, Orlan-Tate employs 120 people in the season.\n\n\
                 The Quill group, which has an 8 pct stake in the mill, and the founding family, \
                 which has a 31 pct stake, oppose the sale.\n";
    assert_eq!(claim_findings(rules, story), one("claim-mismatch", "8 pct"));
}

#[test]
fn respectively_pairs_each_figure_with_its_item() {
    let rules = r#"
entities:
  "Calder Group": ["Calder Group", "Calder"]
measures:
  "price per common share":
    units: [USD]
    cues: [bought, each]
claims:
  - subject: "Calder Group"
    measure: "price per common share"
    op: "="
    value: "USD 9"
"#;
    let story = "date 1990-02-03\nCALDER COMPLETES OFFER\n\n\
                 Calder Group said it bought 120,000 common shares and 40,000 preferred shares of Ruston Corp \
                 at seven dlrs and nine dlrs each respectively.\n";
    assert_eq!(claim_findings(rules, story), one("claim-mismatch", "seven dlrs"));
}

#[test]
fn a_measure_that_restricts_its_noun_needs_one_of_its_cues() {
    // `nouns` name the measure, `cues` the clause that restricts it: the
    // size of the whole circuit is not the number of its clubs that tour.
    let rules = r#"
entities:
  "Western Rugby Circuit": ["Western Rugby Circuit", "the circuit"]
measures:
  "clubs touring in the spring":
    units: []
    nouns: [clubs]
    cues: [tour abroad]
claims:
  - subject: "Western Rugby Circuit"
    measure: "clubs touring in the spring"
    op: "="
    value: "12"
"#;
    let story = "date 1990-02-03\nRUGBY CIRCUIT PLANS\n\n\
                 Directors of the Western Rugby Circuit met on Monday to plan the twelve-club season.\n\n\
                 Five of the circuit's clubs tour abroad in the spring and miss the opening weeks.\n";
    assert_eq!(claim_findings(rules, story), one("claim-mismatch", "Five"));
}

#[test]
fn nouns_name_a_measure_on_their_own_when_the_name_does_not_restrict_it() {
    // A time after the participle dates the measure, it does not restrict
    // what the noun counts.
    let rules = r#"
entities:
  "Dana Whitcomb": ["Dana Whitcomb", "Whitcomb"]
measures:
  "prize money won in 1988":
    units: [USD]
    nouns: [prize money]
    cues: [won]
claims:
  - subject: "Dana Whitcomb"
    measure: "prize money won in 1988"
    op: "="
    value: "USD 61,200"
"#;
    let story = "date 1988-12-20\nWHITCOMB NAMED PLAYER OF THE YEAR\n\n\
                 Dana Whitcomb dominated the tour this year. She took the Orchard Classic, \
                 two invitationals and a record $61,200 in prize money.\n";
    assert_eq!(claim_findings(rules, story), one("claim-agrees", "$61,200"));
}

#[test]
fn a_cue_shared_by_a_list_goes_to_the_item_that_names_the_measure() {
    let rules = r#"
entities:
  "Cobalt Leisure": ["Cobalt Leisure Inc", "Cobalt Leisure"]
measures:
  "cash paid for the Riverside Casino":
    units: [USD]
    nouns: [cash]
    cues: [included]
claims:
  - subject: "Cobalt Leisure"
    measure: "cash paid for the Riverside Casino"
    op: "="
    value: "USD 85 million"
"#;
    let story = "date 1990-02-03\nCOBALT BUYS RIVERSIDE CASINO\n\n\
                 Cobalt Leisure Inc said it completed its purchase of the Riverside Casino. \
                 The price included 85 mln dlrs in cash and the assumption of a 120 mln dlrs mortgage.\n";
    assert_eq!(claim_findings(rules, story), one("claim-agrees", "85 mln dlrs"));
}

// One test per failure kind of issue 15 that the tests above do not cover,
// each on a story of our own.

#[test]
fn kind1_a_legal_suffix_a_short_form_a_modifier_and_a_wire_headline_name_the_company() {
    let rules = r#"
entities:
  "Fenwick Marine Holdings": ["Fenwick Marine Holdings PLC", "Fenwick Marine", "Fenwick"]
measures:
  stake:
    units: ["%"]
    cues: [stake, has]
  order book:
    units: [GBP]
    cues: [orders]
claims:
  - Fenwick Marine Holdings stake = 27%
  - subject: "Fenwick Marine Holdings"
    measure: "order book"
    op: "="
    value: "GBP 40 million"
"#;
    // The headline names the company in wire capitals and the body then
    // says "the company"; later the full name with its legal suffix, and
    // the short form as a modifier.
    let story = "date 1987-06-01\nFENWICK SAYS IT BUILT UP STAKE IN TARLOW\n\n\
                 The company said it has 27 pct of Tarlow Docks.\n\n\
                 Fenwick Marine Holdings PLC shares rose on the news.\n\n\
                 The Fenwick unit said it held orders worth 40 mln stg at the end of May.\n";
    let found = claim_findings(rules, story);
    assert_eq!(
        found,
        [
            ("claim-agrees".to_string(), "27 pct".to_string()),
            ("claim-agrees".to_string(), "40 mln stg".to_string())
        ],
        "{found:?}"
    );
}

#[test]
fn kind2_money_and_percentages_in_the_wire_abbreviations() {
    let rules = r#"
entities:
  "Arcadia Foods": ["Arcadia Foods SpA", "Arcadia"]
measures:
  dividend:
    units: [USD]
    cues: [dividend]
  debt:
    units: [ITL]
    cues: [debt]
  margin:
    units: ["%"]
    cues: [margin]
  bond issue:
    units: [USD]
    cues: [issue]
claims:
  - Arcadia Foods dividend = $0.12
  - Arcadia Foods debt = ITL 300 billion
  - Arcadia Foods margin = 0.5%
  - subject: "Arcadia Foods"
    measure: "bond issue"
    op: "="
    value: "USD 2 billion"
"#;
    let story = "date 1987-06-01\nARCADIA FOODS RESULTS\n\n\
                 Arcadia Foods SpA raised its dividend to 12 cts a share.\n\n\
                 Arcadia said its debt stood at 300 billion lire, and its margin was 0.5 of a per cent.\n\n\
                 Arcadia also planned a two-billion-dlr bond issue.\n";
    let found = claim_findings(rules, story);
    assert_eq!(
        found,
        [
            ("claim-agrees".to_string(), "0.5 of a per cent".to_string()),
            ("claim-agrees".to_string(), "12 cts".to_string()),
            ("claim-agrees".to_string(), "300 billion lire".to_string()),
            ("claim-agrees".to_string(), "two-billion-dlr".to_string()),
        ],
        "{found:?}"
    );
}

#[test]
fn kind3_a_demonym_inside_a_currency_phrase_does_not_steal_the_entity() {
    let rules = r#"
entities:
  "Larchmont Mining": ["Larchmont Mining Ltd", "Larchmont"]
measures:
  loss:
    units: [CAD]
    cues: [loss]
claims:
  - Larchmont Mining loss = CAD 5 million
"#;
    let story = "date 1987-06-01\nLARCHMONT POSTS LOSS\n\n\
                 Larchmont Mining Ltd posted a loss of 7.5 mln Canadian dlrs for the year.\n";
    assert_eq!(
        claim_findings(rules, story),
        one("claim-mismatch", "7.5 mln Canadian dlrs")
    );
}

#[test]
fn kind5_a_duration_with_a_count_and_a_length_without_a_space_are_figures() {
    let rules = r#"
entities:
  "Tasman Star": ["Tasman Star"]
measures:
  voyage:
    units: [days]
    cues: [voyage]
  route:
    units: [km]
    cues: [route]
claims:
  - Tasman Star voyage = 9 days
  - Tasman Star route = 1,500 miles
"#;
    let story = "date 1999-01-04\nTASMAN STAR SAILS\n\n\
                 The Tasman Star left Hobart on a 9 day voyage. Its route runs about 2400km \
                 across the Tasman Sea.\n";
    let found = claim_findings(rules, story);
    assert_eq!(
        found,
        [
            ("claim-agrees".to_string(), "9 day".to_string()),
            ("claim-agrees".to_string(), "about 2400km".to_string())
        ],
        "{found:?}"
    );
}

#[test]
fn a_folder_of_the_corpus_can_have_its_own_currency() {
    let dir = temp_dir("wire-folder-currency");
    std::fs::create_dir_all(dir.join("sydney")).unwrap();
    std::fs::create_dir_all(dir.join("wire")).unwrap();
    std::fs::write(
        dir.join("claimlint.yaml"),
        "paths: [.]\nrules: [rules.yaml]\ncurrencies:\n  \"sydney/**\": AUD\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("rules.yaml"),
        "entities:\n  \"Harbour Rail\": []\nmeasures:\n  contract:\n    units: [AUD]\n    cues: [contract]\n\
         claims:\n  - Harbour Rail contract = AUD 40 million\n",
    )
    .unwrap();
    let story = "date 2001-05-02\nHARBOUR RAIL WINS\n\nHarbour Rail won a $40 million contract.\n";
    std::fs::write(dir.join("sydney/a.txt"), story).unwrap();
    std::fs::write(dir.join("wire/b.txt"), story).unwrap();
    let out = run_in(&dir, &["check", "--format", "json"], None);
    let doc = json(&out);
    let agrees = findings(&doc, "claim-agrees", |file, _, _| file.to_string());
    assert_eq!(agrees.len(), 1, "{doc}");
    assert!(agrees[0].0.ends_with("sydney/a.txt"), "{agrees:?}");
    assert!(
        findings(&doc, "claim-mismatch", |_, _, _| String::new()).is_empty(),
        "{doc}"
    );
    // An unknown code is an error at its line.
    std::fs::write(
        dir.join("claimlint.yaml"),
        "paths: [.]\ncurrencies:\n  \"sydney/**\": AUX\n",
    )
    .unwrap();
    let out = run_in(&dir, &["check"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("claimlint.yaml:3"), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}
