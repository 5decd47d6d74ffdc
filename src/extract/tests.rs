//! Table-driven tests of the extractor on sentences of our own.

use super::*;
use crate::corpus::Article;
use crate::testutil::lcg;

fn figs(text: &str) -> Vec<Figure> {
    let a = Article::from_text("t.txt", text.to_string());
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    extract(
        &a,
        LEXICON.get_or_init(Lexicon::builtin),
        ExtractOptions {
            reference_date: NaiveDate::from_ymd_opt(2024, 3, 15),
        },
    )
    .figures
}

fn one(text: &str) -> Figure {
    let f = figs(text);
    assert_eq!(f.len(), 1, "{text}: {f:#?}");
    f.into_iter().next().unwrap()
}

fn surface(text: &str, f: &Figure) -> String {
    text[f.span.start..f.span.end].to_string()
}

#[test]
fn counts_with_nouns_and_entities() {
    let t = "Kenya proposed a mission of up to 2,000 people, including 1,000 members of its police force.";
    let f = figs(t);
    assert_eq!(f.len(), 2);
    assert_eq!((f[0].value, f[0].min, f[0].max), (None, None, Some(2000.0)));
    assert_eq!(f[0].unit.as_deref(), Some("people"));
    assert_eq!(f[1].value, Some(1000.0));
    assert_eq!(f[1].unit.as_deref(), Some("member"));
    assert_eq!(f[0].entity.as_deref(), Some("Kenya"));
    assert_eq!(f[1].entity.as_deref(), Some("Kenya"));
}

#[test]
fn demonym_and_possessive_attach() {
    let f = one("400 Kenyan police have been deployed to Haiti.");
    assert_eq!(
        (f.entity.as_deref(), f.unit.as_deref()),
        (Some("Kenya"), Some("police"))
    );
    let t = "The U.S. is supporting Kenya’s deployment of about 380 officers.";
    let f = one(t);
    assert_eq!(surface(t, &f), "about 380");
    assert!(f.approximate);
    assert_eq!(f.entity.as_deref(), Some("Kenya"));
}

#[test]
fn destinations_are_not_subjects() {
    let f = one("Aid workers sent to Haiti counted 300 families.");
    assert_eq!(f.entity, None);
}

#[test]
fn qualifiers_become_intervals() {
    type Case = (&'static str, Option<f64>, Option<f64>, Option<f64>, bool);
    let cases: &[Case] = &[
        ("at least 80% of the capital", None, Some(80.0), None, false),
        ("more than 165,000 people", None, Some(165000.0), None, false),
        ("nearly 400 troops", Some(400.0), Some(390.0), Some(400.0), true),
        (
            "between 2,000 and 2,500 troops",
            None,
            Some(2000.0),
            Some(2500.0),
            false,
        ),
        ("2,000-2,500 troops", None, Some(2000.0), Some(2500.0), false),
        ("from 10 to 15 days", None, Some(10.0), Some(15.0), false),
        ("fewer than 30 schools", None, None, Some(30.0), false),
    ];
    for &(t, v, lo, hi, approx) in cases {
        let f = one(t);
        assert_eq!((f.value, f.min, f.max, f.approximate), (v, lo, hi, approx), "{t}");
    }
}

#[test]
fn words_and_scales() {
    for (t, v) in [
        ("more than two dozen schools", 24.0),
        ("a dozen nations", 12.0),
        ("a thousand troops", 1000.0),
    ] {
        let f = one(t);
        assert_eq!(f.min.or(f.value), Some(v), "{t}");
    }
    let f = one("tens of thousands of Haitians");
    assert_eq!((f.min, f.max, f.approximate), (Some(20000.0), Some(99999.0), true));
}

#[test]
fn money_and_percent() {
    let f = one("secure $100 million in funding");
    assert_eq!(
        (f.kind, f.value, f.unit.as_deref()),
        (FigureKind::Money, Some(1e8), Some("USD"))
    );
    let f = one("a price of $24.99.");
    assert_eq!((f.kind, f.value), (FigureKind::Money, Some(24.99)));
    let f = one("received $ 300 million in spending");
    assert_eq!(f.value, Some(3e8));
    let f = one("costs £40,000 a year");
    assert_eq!(f.unit.as_deref(), Some("GBP"));
    let f = one("a $1.2bn loan");
    assert_eq!(f.value, Some(1.2e9));
    let f = one("rose 3.5 per cent");
    assert_eq!((f.kind, f.value), (FigureKind::Percent, Some(3.5)));
}

#[test]
fn things_that_are_not_counts() {
    for t in [
        "Haiti last held elections in 2016.",
        "The 2023-24 season starts.",
        "The Ancel AD310 scanner",
        "007 movie stunt driver",
        "·7 min read",
        "The meeting is at 10:30 today.",
        "from No. 118 Overall",
        "The assassination on July 7 of the president",
        "on June 7, 2023, for meetings",
        "call 305-555-0100 now",
        "the score was 3-1 at half time",
    ] {
        let counts: Vec<String> = figs(t)
            .iter()
            .filter(|f| f.kind == FigureKind::Count)
            .map(|f| surface(t, f))
            .collect();
        assert!(counts.is_empty(), "{t}: {counts:?}");
    }
}

#[test]
fn list_numbers_are_skipped() {
    let t = "1. WATCH: Blinken visits Haiti";
    assert!(figs(t).iter().all(|f| f.kind != FigureKind::Count));
}

#[test]
fn dates_resolve_against_the_reference() {
    let cases = [
        ("last month", "2024-02-01", Grain::Month),
        ("yesterday", "2024-03-14", Grain::Day),
        ("on June 7, 2023", "2023-06-07", Grain::Day),
        ("7 July 2023", "2023-07-07", Grain::Day),
        ("2023-09-26", "2023-09-26", Grain::Day),
        ("09/26/2023", "2023-09-26", Grain::Day),
        ("September 2023", "2023-09-01", Grain::Month),
        ("two weeks ago", "2024-02-26", Grain::Week),
        ("next year", "2025-01-01", Grain::Year),
        ("Christmas Day", "2024-12-25", Grain::Day),
        ("on Monday", "2024-03-11", Grain::Day),
    ];
    for (t, d, g) in cases {
        let f = one(t);
        assert_eq!(
            (f.date.map(|d| d.to_string()), f.grain),
            (Some(d.to_string()), Some(g)),
            "{t}"
        );
    }
}

#[test]
fn quantities_and_durations() {
    let f = one("the 900-metre bridge");
    assert_eq!((f.kind, f.unit.as_deref()), (FigureKind::Quantity, Some("metre")));
    let f = one("flew 30,000 miles");
    assert_eq!(f.unit.as_deref(), Some("mile"));
    let f = one("temperatures of 35°C");
    assert_eq!(f.unit.as_deref(), Some("degree Celsius"));
    let f = one("for 15 years");
    assert_eq!((f.kind, f.unit.as_deref()), (FigureKind::Duration, Some("year")));
}

// ---------------------------------------------------------------------------
// Table-driven cases. One case a line: `text => spec`.
// spec: KIND [VALUE] [min=N] [max=N] [unit=U] [date=YYYY-MM-DD] [grain=G] [~] [span=TEXT]
// A bare VALUE on an exact figure means value = min = max. `~` = approximate.
// `min=-`/`max=-` mean unbounded (null); `value=-` means no point value.
// KIND `none` means: no figure of an amount kind (count, money, percent,
// quantity) is found at all. Underscores in unit/span stand for spaces.
// The reference date is 2024-03-15 (a Friday).
// ---------------------------------------------------------------------------

fn parse_num(s: &str) -> Option<f64> {
    if s == "-" {
        None
    } else {
        Some(s.parse().unwrap_or_else(|_| panic!("bad number in spec: {s}")))
    }
}

fn kind_of(s: &str) -> FigureKind {
    match s {
        "count" => FigureKind::Count,
        "money" => FigureKind::Money,
        "percent" => FigureKind::Percent,
        "quantity" => FigureKind::Quantity,
        "duration" => FigureKind::Duration,
        "ordinal" => FigureKind::Ordinal,
        "year" => FigureKind::Year,
        "date" => FigureKind::Date,
        _ => panic!("bad kind {s}"),
    }
}

fn grain_of(s: &str) -> Grain {
    match s {
        "day" => Grain::Day,
        "week" => Grain::Week,
        "month" => Grain::Month,
        "quarter" => Grain::Quarter,
        "year" => Grain::Year,
        _ => panic!("bad grain {s}"),
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    }
}

/// Runs one table; returns the failures as readable lines.
fn run_table(table: &str) -> Vec<String> {
    let mut failures = Vec::new();
    for line in table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (text, spec) = line.rsplit_once("=>").unwrap_or_else(|| panic!("no => in {line}"));
        let text = text.trim();
        let mut parts = spec.split_whitespace();
        let kind = parts.next().unwrap();
        let text = &text.replace("\\n", "\n");
        let text = text.as_str();
        let found = figs(text);
        if kind == "none" {
            let amounts: Vec<String> = found
                .iter()
                .filter(|f| f.kind.is_amount())
                .map(|f| format!("{:?} {:?}", f.kind, surface(text, f)))
                .collect();
            if !amounts.is_empty() {
                failures.push(format!("{text}: expected no amount, got {amounts:?}"));
            }
            continue;
        }
        let kind = kind_of(kind);
        let (mut value, mut min, mut max, mut exact_set) = (None, None, None, false);
        let (mut unit, mut date, mut grain, mut approx, mut span) = (None, None, None, false, None);
        let (mut min_set, mut max_set, mut value_set) = (false, false, false);
        let mut entity: Option<String> = None;
        for p in parts {
            if p == "~" {
                approx = true;
            } else if let Some(v) = p.strip_prefix("min=") {
                min = parse_num(v);
                min_set = true;
            } else if let Some(v) = p.strip_prefix("max=") {
                max = parse_num(v);
                max_set = true;
            } else if let Some(v) = p.strip_prefix("value=") {
                value = parse_num(v);
                value_set = true;
            } else if let Some(v) = p.strip_prefix("unit=") {
                unit = Some(v.replace('_', " "));
            } else if let Some(v) = p.strip_prefix("date=") {
                date = Some(v.to_string());
            } else if let Some(v) = p.strip_prefix("grain=") {
                grain = Some(grain_of(v));
            } else if let Some(v) = p.strip_prefix("span=") {
                span = Some(v.replace('_', " "));
            } else if let Some(v) = p.strip_prefix("entity=") {
                entity = Some(v.replace('_', " "));
            } else {
                value = parse_num(p);
                value_set = true;
                exact_set = true;
            }
        }
        if exact_set && !approx {
            if !min_set {
                min = value;
                min_set = true;
            }
            if !max_set {
                max = value;
                max_set = true;
            }
        }
        let Some(f) = found.iter().find(|f| f.kind == kind) else {
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{:?} {:?}", f.kind, surface(text, f)))
                .collect();
            failures.push(format!("{text}: no {kind:?}; got {got:?}"));
            continue;
        };
        let mut bad = Vec::new();
        if value_set && !close(f.value, value) {
            bad.push(format!("value {:?} != {:?}", f.value, value));
        }
        if min_set && !close(f.min, min) {
            bad.push(format!("min {:?} != {:?}", f.min, min));
        }
        if max_set && !close(f.max, max) {
            bad.push(format!("max {:?} != {:?}", f.max, max));
        }
        if f.approximate != approx {
            bad.push(format!("approximate {}", f.approximate));
        }
        if let Some(u) = &unit
            && f.unit.as_deref() != Some(u.as_str())
        {
            bad.push(format!("unit {:?} != {u:?}", f.unit));
        }
        if let Some(d) = &date
            && f.date.map(|x| x.to_string()).as_deref() != Some(d.as_str())
        {
            bad.push(format!("date {:?} != {d}", f.date));
        }
        if grain.is_some() && f.grain != grain {
            bad.push(format!("grain {:?} != {grain:?}", f.grain));
        }
        if let Some(e) = &entity
            && f.entity.as_deref() != Some(e.as_str())
        {
            bad.push(format!("entity {:?} != {e:?}", f.entity));
        }
        if let Some(s) = &span
            && surface(text, f) != *s
        {
            bad.push(format!("span {:?} != {s:?}", surface(text, f)));
        }
        if !bad.is_empty() {
            failures.push(format!("{text}: {}", bad.join("; ")));
        }
    }
    failures
}

fn assert_table(name: &str, table: &str) {
    let failures = run_table(table);
    assert!(
        failures.is_empty(),
        "{name}: {} failures\n{}",
        failures.len(),
        failures.join("\n")
    );
}

const CARDINALS: &str = r#"
On Friday 400 people marched => count 400 unit=people
the stock closed at 41-3/8 => money 41.375
it rose 2-1/2 points => count 2.5
she got 9 marks out of ten => count 9 unit=mark
a ratio of .75 => count 0.75
a pair of shoes => count 2 unit=shoe
2½ cups of flour => count 2.5
¾ of the vote => count 0.75
2 dozen eggs => count 24 unit=egg
The company cut 1,200 jobs => count 1200 unit=job
The storm left 250,000 homes without power => count 250000 unit=home
The UN says 4.7m people need aid => count 4700000 unit=people
Some 40,000 fans attended the final => count 40000 ~ unit=fan
About 2.3 million people live in the city => count 2300000 ~ unit=people
2 1/2 cups => count 2.5
three point five => count 3.5
two point two five million people => count 2250000
one and a half million people => count 1500000
two and a half thousand votes => count 2500
a million and a half viewers => count 1500000
three and a half => count 3.5
4 and a half => count 4.5
sixty-five thousand => count 65000
nine hundred ninety-nine thousand nine hundred ninety-nine => count 999999
1,000,000,000 => count 1000000000
0.75 => count 0.75
12.5 million => count 12500000
150K subscribers => count 150000 unit=subscriber
a hundred and fifty houses => count 150
one hundred thousand => count 100000
eighty thousand people => count 80000
twenty-four => count 24
fourteen => count 14
a half => count 0.5
one third => count 0.3333333333333333
one-third of voters => count 0.3333333333333333
three fifths => count 0.6
They counted 7 boats => count 7 unit=boat
The town has 1,234,567 residents => count 1234567 unit=resident
Officials said 12,000 homes were damaged => count 12000 unit=home
a crowd of 2.5 million people => count 2500000 unit=people
a crowd of 3k fans => count 3000 unit=fan
the army has 1.5m reservists => count 1500000 unit=reservist
3.2 billion users => count 3200000000 unit=user
1 trillion cells => count 1000000000000 unit=cell
seven million voters => count 7000000 unit=voter
one hundred and twenty-three ships => count 123 unit=ship
one hundred twenty three ships => count 123
twenty-one pilots => count 21 unit=pilot
ninety nine balloons => count 99
forty-two thousand five hundred tickets => count 42500
a thousand troops => count 1000 unit=troop
a hundred villages => count 100 unit=village
a dozen nations => count 12 unit=nation
two dozen schools => count 24 unit=school
half a dozen eggs => count 6 unit=egg
half a million refugees => count 500000 unit=refugee
a couple of reporters => count 2 unit=reporter
a million reasons => count 1000000
two million four hundred thousand barrels of oil => quantity 2400000 unit=barrel
twelve hundred workers => count 1200 unit=worker
nineteen hundred soldiers => count 1900
three thousand and five votes => count 3005
one million, two hundred thousand people => count 1200000
2 million people => count 2000000
10 thousand people => count 10000
1.25 million people => count 1250000
4.5bn people => count 4500000000
250,000 people => count 250000
eleven players => count 11 unit=player
zero deaths => count 0 unit=death
nil returns => count 0
They recruited 45 new officers => count 45 unit=officer
hundreds of people => count value=- min=200 max=999 ~
thousands of protesters => count value=- min=2000 max=9999 ~
tens of thousands of Haitians => count value=- min=20000 max=99999 ~
hundreds of thousands of homes => count value=- min=200000 max=999999 ~
millions of dollars => money value=- min=2000000 max=9999999 ~ unit=USD
dozens of schools => count value=- min=24 max=143 ~
The ratio was 0.5 => count 0.5
rose to 3.75 => count 3.75
a third of the budget => count 0.3333333333333333
three-quarters of voters => count 0.75
two thirds of the members => count 0.6666666666666666
1/3 of the members => count 0.3333333333333333
half of the population => count 0.5
temperatures fell to -5 overnight => count -5
a balance of -1,200 => count -1200
minus 12 points => count -12
"#;

const SUFFIXES: &str = r#"
a $2bn deal => money 2000000000 unit=USD
a £40,000 salary => money 40000 unit=GBP
€3.5m in grants => money 3500000 unit=EUR
$1.2bn => money 1200000000 unit=USD
$5K bonus => money 5000 unit=USD
a 10k race => count 10000
$3tn economy => money 3000000000000 unit=USD
revenues of $4.7 bln => money 4700000000 unit=USD
£2.3 mn => money 2300000 unit=GBP
300 mln euros => money 300000000 unit=EUR
"#;

const MONEY: &str = r#"
budgeted at eight mln dlrs => money 8000000 unit=USD
nine mln stg => money 9000000 unit=GBP
Zenith shares closed at 31-3/8 on the exchange => money 31.375 unit=USD
revenue of 40 mln dlrs and net profit of 3.5 mln => money 40000000 unit=USD
seven dollars fifty => money 7.5 unit=USD
2 euros 50 => money 2.5 unit=EUR
he earns 50 grand a year => money 50000 unit=USD
USD5m in loans => money 5000000 unit=USD
KSh500 => money 500 unit=KES
HK$10 billion => money 10000000000 unit=HKD
S$500 => money 500 unit=SGD
50 million rand => money 50000000 unit=ZAR
₺100 => money 100 unit=TRY
a dollar a day => money 1 unit=USD
Shares fell 4.5% to $23.17 on Tuesday => money 23.17 unit=USD
The government will spend £350m a week => money 350000000 unit=GBP
The deal values the firm at $44bn => money 44000000000 unit=USD
or $54.20 a share => money 54.2 unit=USD
In 2021, revenue was Rs 3,000 crore => money 30000000000 unit=INR
20$ => money 20 unit=USD
50 € => money 50 unit=EUR
£20bn => money 20000000000 unit=GBP
$5.6 trillion => money 5600000000000 unit=USD
€1,000 => money 1000 unit=EUR
Rs 2,500 => money 2500 unit=INR
one hundred dollars => money 100 unit=USD
two dollars and fifty cents => money 2.5 unit=USD
$20 USD => money 20 unit=USD
150 Canadian dollars => money 150 unit=CAD
3 million US dollars => money 3000000 unit=USD
500 Kenyan shillings => money 500 unit=KES
nearly $2bn => money 2000000000 ~ unit=USD
up to £5,000 => money value=- min=- max=5000 unit=GBP
£5 to £10 => money value=- min=5 max=10 unit=GBP
75 pence => money 0.75 unit=GBP
10 euro => money 10 unit=EUR
40 yuan => money 40 unit=CNY
200 HTG => money 200 unit=HTG
GBP 300 => money 300 unit=GBP
a price of $24.99 => money 24.99 unit=USD
it cost $5 => money 5 unit=USD
US$10 million in aid => money 10000000 unit=USD
USD 250 per month => money 250 unit=USD
a fine of 100 USD => money 100 unit=USD
EUR 40 million => money 40000000 unit=EUR
€500 => money 500 unit=EUR
£1.5m => money 1500000 unit=GBP
¥300 => money 300 unit=JPY
₹500 crore => money 5000000000 unit=INR
fifty dollars => money 50 unit=USD
5 dollars => money 5 unit=USD
ten euros => money 10 unit=EUR
200 pounds sterling => money 200 unit=GBP
a thousand yen => money 1000 unit=JPY
3,000 rupees => money 3000 unit=INR
20 bucks => money 20 unit=USD
a million dollars => money 1000000 unit=USD
$100 million in funding => money 100000000 unit=USD
$ 300 million in spending => money 300000000 unit=USD
two billion dollars => money 2000000000 unit=USD
5 cents => money 0.05 unit=USD
99 cents => money 0.99 unit=USD
1,500 Haitian gourdes => money 1500 unit=HTG
40 Swiss francs => money 40 unit=CHF
A$50 => money 50 unit=AUD
C$20 => money 20 unit=CAD
about $300 => money 300 ~ unit=USD
less than $20 => money value=- min=- max=20 unit=USD
more than $1 billion => money value=- min=1000000000 max=- unit=USD
$2-3 million => money value=- min=2000000 max=3000000 unit=USD
between $5 and $10 => money value=- min=5 max=10 unit=USD
from $10 million to $12 million => money value=- min=10000000 max=12000000 unit=USD
$1.5 to $2 billion => money value=- min=1500000000 max=2000000000 unit=USD
10 million dollars => money 10000000 unit=USD
profits of 42.7 mln dlrs => money 42700000 unit=USD
cut by 1.25 dlrs to 17.40 dlrs => money 1.25 unit=USD
a loss of 3.9 billion dlrs => money 3900000000 unit=USD
it paid 18 dlrs a share => money 18 unit=USD
a 12.25 dlr dividend => money 12.25 unit=USD
a 4,210 dlr fine => money 4210 unit=USD
a three-billion-dlr programme => money 3000000000 unit=USD
a 75-dlr ticket => money 75 unit=USD
a 5-million-dollar deal => money 5000000 unit=USD
sales of 61 mln stg => money 61000000 unit=GBP
a dividend of 14 cts => money 0.14 unit=USD
earned 6 mln stg and 3 cts a share => money 6000000 unit=GBP
7.2 mln Canadian dlrs => money 7200000 unit=CAD
60 mln Australian dlrs => money 60000000 unit=AUD
800 billion lire => money 800000000000 unit=ITL
95 mln marks => money 95000000 unit=DEM
31 mln West German marks => money 31000000 unit=DEM
14 mln guilders => money 14000000 unit=NLG
3 billion pesetas => money 3000000000 unit=ESP
120 mln French francs => money 120000000 unit=FRF
40 mln Swedish crowns => money 40000000 unit=SEK
2.1 billion Danish crowns => money 2100000000 unit=DKK
9 billion rupiah => money 9000000000 unit=IDR
a grant of $8 millions => money 8000000 unit=USD
FRF 25 million => money 25000000 unit=FRF
QAR 400 => money 400 unit=QAR
"#;

const PERCENT: &str = r#"
rates rose 0.4 of a per cent => percent 0.4 unit=%
a gain of 0.75 of a percent => percent 0.75 unit=%
cut rates by 25 basis points => percent 0.25 unit=percentage_point
a 50bp rise => percent 0.5 unit=percentage_point
Rates rose by a quarter of a percentage point => percent 0.25 unit=percentage_point
a 5-percent rise => percent 5 unit=%
a 3-per-cent fall => percent 3 unit=%
15.5 % => percent 15.5 unit=%
5.5% => percent 5.5 unit=%
twenty per cent => percent 20 unit=%
more than 50% => percent value=- min=50 max=- unit=%
about 12% => percent 12 ~ unit=%
40 percent to 45 percent => percent value=- min=40 max=45 unit=%
2.5 percentage points => percent 2.5 unit=percentage_point
35% of voters => percent 35 unit=%
rose 3.5 per cent => percent 3.5 unit=%
fell 12 percent => percent 12 unit=%
ten percent => percent 10 unit=%
five per cent of the vote => percent 5 unit=%
a 0.25 percentage point cut => percent 0.25 unit=percentage_point
rose two percentage points => percent 2 unit=percentage_point
at least 80% of the capital => percent value=- min=80 max=- unit=%
approximately 80% => percent 80 ~ unit=%
up to 40% => percent value=- min=- max=40 unit=%
between 10 and 15 percent => percent value=- min=10 max=15 unit=%
10-15% => percent value=- min=10 max=15 unit=%
from 5% to 7% => percent value=- min=5 max=7 unit=%
rose by 5 to 10 percent => percent value=- min=5 max=10 unit=%
-2.5% growth => percent -2.5 unit=%
nearly 60 per cent => percent 60 ~ unit=%
100 pct => percent 100 unit=%
fifty percent => percent 50 unit=%
"#;

const QUALIFIERS: &str = r#"
less than or equal to 30 => count value=- min=- max=30
greater than or equal to 20 => count value=- min=20 max=-
slightly more than 500 voters => count 500 min=500 ~
just below 3% => percent 3 max=3 ~ unit=%
well over 1,000 people => count value=- min=1000 max=-
higher than 40 percent => percent value=- min=40 max=- unit=%
20 or more people => count value=- min=20 max=- unit=people span=20_or_more
50 or fewer seats => count value=- min=- max=50 unit=seat
a dozen or so boats => count 12 ~ unit=boat
40-odd ships => count 40 ~ unit=ship
100+ countries => count value=- min=100 max=- unit=country
ages 65 and up => count value=- min=65 max=-
5 km or more => quantity value=- min=5 max=- unit=kilometre
a few hundred protesters => count value=- min=200 max=999 ~ unit=protester
a few hundred thousand bags => count value=- min=200000 max=999999 ~ unit=bag
several hundred million dollars => money value=- min=200000000 max=999999999 ~ unit=USD
several thousand homes => count value=- min=2000 max=9999 ~ unit=home
a few dozen tents => count value=- min=24 max=143 ~ unit=tent
up to 2,000 people => count value=- min=- max=2000
at least 2,000 personnel => count value=- min=2000 max=-
at most 30 boats => count value=- min=- max=30
more than 165,000 people => count value=- min=165000 max=-
fewer than 30 schools => count value=- min=- max=30
less than 10 families => count value=- min=- max=10
over 46,000 people => count value=- min=46000 max=-
under 500 households => count value=- min=- max=500
no more than 12 ships => count value=- min=- max=12
no fewer than 8 ships => count value=- min=8 max=-
as many as 600 houses => count value=- min=- max=600
in excess of 900 claims => count value=- min=900 max=-
upwards of 70 firms => count value=- min=70 max=-
a maximum of 15 members => count value=- min=- max=15
a minimum of 15 members => count value=- min=15 max=-
about 380 officers => count 380 ~ span=about_380
around 400 officers => count 400 ~
approximately 1,200 staff => count 1200 ~
roughly 90 vehicles => count 90 ~
some 3,000 migrants => count 3000 ~
an estimated 5,000 people => count 5000 ~ span=an_estimated_5,000
nearly 400 troops => count 400 min=390 max=400 ~
almost 70 villages => count 70 ~
close to 300 families => count 300 ~
just over 200 cases => count 200 ~
just under 200 cases => count 200 ~
~400 boats => count 400 ~
2,000-2,500 troops => count value=- min=2000 max=2500
2,000 to 2,500 troops => count value=- min=2000 max=2500
between 2,000 and 2,500 troops => count value=- min=2000 max=2500 span=between_2,000_and_2,500
from 10 to 15 ships => count value=- min=10 max=15
between five and ten boats => count value=- min=5 max=10
2-3 million people => count value=- min=2000000 max=3000000
between 2 and 3 million people => count value=- min=2000000 max=3000000
more than two dozen schools => count value=- min=24 max=-
At least a dozen nations => count value=- min=12 max=-
about 20-30 people => count value=- min=19 max=31 ~
"#;

const QUANTITIES: &str = r#"
it weighs 100 pounds => quantity 100 unit=pound
5 metric tons of wheat => quantity 5 unit=tonne
Temperatures reached 41C in Seville => quantity 41 unit=degree_Celsius
a high of 98F => quantity 98 unit=degree_Fahrenheit
1.5 km => quantity 1.5 unit=kilometre
10km => quantity 10 unit=kilometre
6ft => quantity 6 unit=foot
70kg => quantity 70 unit=kilogram
20 mph => quantity 20 unit=mile_per_hour
5 metres per second => quantity 5 unit=metre_per_second
the field pumps 40,000 bpd => quantity 40000 unit=barrel_per_day
exports of 2 mln barrels of oil a day => quantity 2000000 unit=barrel_per_day
it ships 310,000 barrels of heavy crude daily => quantity 310000 unit=barrel_per_day
a mill grinding 800 tonnes of cane per day => quantity 800 unit=tonne_per_day
the mine yields 9 tonnes a year => quantity 9 unit=tonne_per_year
30 barrels of oil in storage => quantity 30 unit=barrel
2 cubic metres => quantity 2 unit=cubic_metre
500 square feet => quantity 500 unit=square_foot
1,000 tonnes => quantity 1000 unit=tonne
three miles => quantity 3 unit=mile
2 kilos => quantity 2 unit=kilogram
-40 degrees => quantity -40 unit=degree
the 900-metre bridge => quantity 900 unit=metre
flew 30,000 miles => quantity 30000 unit=mile
a 5km run => quantity 5 unit=kilometre
a 10 km stretch => quantity 10 unit=kilometre
twelve kilometres away => quantity 12 unit=kilometre
200 kilometers away => quantity 200 unit=kilometre
3 metres tall => quantity 3 unit=metre
50 meters => quantity 50 unit=metre
25 centimetres => quantity 25 unit=centimetre
5 feet => quantity 5 unit=foot
6 foot tall => quantity 6 unit=foot
12 inches of snow => quantity 12 unit=inch
8 kg of rice => quantity 8 unit=kilogram
40 kilograms => quantity 40 unit=kilogram
3 tonnes of food => quantity 3 unit=tonne
500 tons of fuel => quantity 500 unit=ton
20 lbs => quantity 20 unit=pound
10 pounds of flour => quantity 10 unit=pound
2 litres of water => quantity 2 unit=litre
300 liters => quantity 300 unit=litre
5 gallons => quantity 5 unit=gallon
1 million barrels of oil => quantity 1000000 unit=barrel
100 acres of farmland => quantity 100 unit=acre
300 hectares => quantity 300 unit=hectare
temperatures of 35°C => quantity 35 unit=degree_Celsius
95°F => quantity 95 unit=degree_Fahrenheit
35 degrees Celsius => quantity 35 unit=degree_Celsius
90 degrees Fahrenheit => quantity 90 unit=degree_Fahrenheit
-10°C => quantity -10 unit=degree_Celsius
winds of 120 mph => quantity 120 unit=mile_per_hour
80 km/h => quantity 80 unit=kilometre_per_hour
150 megawatts => quantity 150 unit=megawatt
30 square kilometres => quantity 30 unit=square_kilometre
12 sq km => quantity 12 unit=square_kilometre
4 square miles => quantity 4 unit=square_mile
between 5 and 10 km => quantity value=- min=5 max=10 unit=kilometre
about 40 miles => quantity 40 ~ unit=mile
a 2-mile walk => quantity 2 unit=mile
"#;

const DURATIONS: &str = r#"
after 3½ years => duration 3.5 unit=year
an hour => duration 1 unit=hour
for a year => duration 1 unit=year
nearly a decade => duration 1 min=0.9 max=1 ~ unit=decade
more than a week => duration value=- min=1 max=- unit=week
$5 a day => money 5 unit=USD
twice a week => none
2 1/2 years => duration 2.5 unit=year
half an hour => duration 0.5 unit=hour
one and a half hours => duration 1.5 unit=hour
72 hours => duration 72 unit=hour
a 24-hour curfew => duration 24 unit=hour
two centuries => duration 2 unit=century
90 mins => duration 90 unit=minute
six months => duration 6 unit=month
for 15 years => duration 15 unit=year
for three hours => duration 3 unit=hour
over two weeks => duration value=- min=2 max=- unit=week
18 months in prison => duration 18 unit=month
45 minutes => duration 45 unit=minute
30 seconds => duration 30 unit=second
ten days of talks => duration 10 unit=day
a five-year plan => duration 5 unit=year
a 90-day window => duration 90 unit=day
nearly five years => duration 5 ~ unit=year
two decades of war => duration 2 unit=decade
2-3 weeks => duration value=- min=2 max=3 unit=week
"#;

const ORDINALS: &str = r#"
a hundred and twelfth => ordinal 112
seventy-fifth => ordinal 75
the ninety-ninth => ordinal 99
the 1st => ordinal 1
the 33rd => ordinal 33
the hundredth => ordinal 100
the twelfth => ordinal 12
one hundred and first => ordinal 101
the fiftieth anniversary => ordinal 50
the 21st century => ordinal 21
his 3rd term => ordinal 3
the 2nd round => ordinal 2
the 100th day => ordinal 100
the first round => ordinal 1
the second time => ordinal 2
the third attempt => ordinal 3
the twenty-first century => ordinal 21
the fifth anniversary => ordinal 5
the tenth day => ordinal 10
the 42nd street => ordinal 42
"#;

const DATES: &str = r#"
two weeks from today => date date=2024-03-25 grain=week
in december => date date=2024-12-01 grain=month
December was cold => date date=2024-12-01 grain=month
April Ryan asked a question => none
between 1990 and 2000 => year value=- min=1990 max=2000 span=between_1990_and_2000
from 2010 to 2015 => year value=- min=2010 max=2015
by mid-March => date date=2024-03-01 grain=month
in the 1990s => year value=- min=1990 max=1999 date=1990-01-01 grain=year span=1990s
Wed., Sept. 27 => date date=2024-09-27 grain=day
Thu 5 October 2023 => date date=2023-10-05 grain=day
Updated 2 hours ago => date date=2024-03-15 grain=day
May 5-7 => date date=2024-05-05 grain=day span=May_5-7
5-7 May 2022 => date date=2022-05-05 grain=day
Sunday 5 May => date date=2024-05-05 grain=day
2010-2015 => year value=- min=2010 max=2015 date=2010-01-01 grain=year
up from 1.9 million a decade ago => date date=2014-01-01 grain=year
a fortnight ago => date date=2024-02-26 grain=week
this Friday => date date=2024-03-15 grain=day
march 3 2015 => date date=2015-03-03 grain=day
3 march => date date=2024-03-03 grain=day
3rd of march => date date=2024-03-03 grain=day
christmas => date date=2024-12-25 grain=day
new year's day => date date=2024-01-01 grain=day
thanksgiving 2013 => date date=2013-11-28 grain=day
Easter 2024 => date date=2024-03-31 grain=day
Good Friday 2023 => date date=2023-04-07 grain=day
Memorial Day => date date=2024-05-27 grain=day
Labor Day 2023 => date date=2023-09-04 grain=day
Mother's Day => date date=2024-05-12 grain=day
Black Friday => date date=2024-11-29 grain=day
Boxing Day => date date=2024-12-26 grain=day
St Patrick's Day => date date=2024-03-17 grain=day
Martin Luther King Day 2025 => date date=2025-01-20 grain=day
march 3rd => date date=2024-03-03 grain=day
june 7 2015 => date date=2015-06-07 grain=day
the 3rd of march => date date=2024-03-03 grain=day
the third of March 2021 => date date=2021-03-03 grain=day
March the 3rd => date date=2024-03-03 grain=day
on the 5th => date date=2024-03-05 grain=day
2023/09/26 => date date=2023-09-26 grain=day
26.09.2023 => date date=2023-09-26 grain=day
on 3/15 => date date=2024-03-15 grain=day
this morning => date date=2024-03-15 grain=day
last night => date date=2024-03-14 grain=day
tonight => date date=2024-03-15 grain=day
a couple of days ago => date date=2024-03-13 grain=day
since Monday => date date=2024-03-11 grain=day
prices may rise 5% => percent 5 unit=%
on the 5th of May => date date=2024-05-05 grain=day
5th May 2021 => date date=2021-05-05 grain=day
May 5th => date date=2024-05-05 grain=day
December 25th, 2020 => date date=2020-12-25 grain=day
Tuesday => date date=2024-03-12 grain=day
this Tuesday => date date=2024-03-19 grain=day
last Monday => date date=2024-03-11 grain=day
next Friday => date date=2024-03-22 grain=day
three weeks ago => date date=2024-02-19 grain=week
a week ago => date date=2024-03-04 grain=week
ten years ago => date date=2014-01-01 grain=year
in five years => date date=2029-01-01 grain=year
in a month => date date=2024-04-01 grain=month
two days from now => date date=2024-03-17 grain=day
last March => date date=2023-03-01 grain=month
next April => date date=2024-04-01 grain=month
in June 2019 => date date=2019-06-01 grain=month
July of 2023 => date date=2023-07-01 grain=month
2021-01-05 => date date=2021-01-05 grain=day
1/5/2021 => date date=2021-01-05 grain=day
12/31/99 => date date=1999-12-31 grain=day
Q1 => date date=2024-01-01 grain=quarter
the fourth quarter => date date=2024-10-01 grain=quarter
third-quarter 2022 => date date=2022-07-01 grain=quarter
New Year's Day 2025 => date date=2025-01-01 grain=day
Christmas 2023 => date date=2023-12-25 grain=day
Thanksgiving Day => date date=2024-11-28 grain=day
Independence Day => date date=2024-07-04 grain=day
the year 2016 => year date=2016-01-01 grain=year
by 2030 => year date=2030-01-01 grain=year
last month => date date=2024-02-01 grain=month
yesterday => date date=2024-03-14 grain=day
today => date date=2024-03-15 grain=day
tomorrow => date date=2024-03-16 grain=day
on June 7, 2023 => date date=2023-06-07 grain=day
7 July 2023 => date date=2023-07-07 grain=day
the 7th of July 2023 => date date=2023-07-07 grain=day
July 7th, 2023 => date date=2023-07-07 grain=day
July 7 => date date=2024-07-07 grain=day
on Dec. 25 => date date=2024-12-25 grain=day
Sept. 5, 2022 => date date=2022-09-05 grain=day
2023-09-26 => date date=2023-09-26 grain=day
09/26/2023 => date date=2023-09-26 grain=day
26/09/2023 => date date=2023-09-26 grain=day
September 2023 => date date=2023-09-01 grain=month
in September => date date=2024-09-01 grain=month
in 2016 => year date=2016-01-01 grain=year
the 2023-24 season => year value=- min=2023 max=2024 date=2023-01-01 grain=year
the 1999-00 season => year value=- min=1999 max=2000
two weeks ago => date date=2024-02-26 grain=week
three days ago => date date=2024-03-12 grain=day
a year ago => date date=2023-01-01 grain=year
5 months ago => date date=2023-10-01 grain=month
next year => date date=2025-01-01 grain=year
last year => date date=2023-01-01 grain=year
this year => date date=2024-01-01 grain=year
next month => date date=2024-04-01 grain=month
last week => date date=2024-03-04 grain=week
this week => date date=2024-03-11 grain=week
next week => date date=2024-03-18 grain=week
last quarter => date date=2023-10-01 grain=quarter
Christmas Day => date date=2024-12-25 grain=day
Christmas Eve => date date=2024-12-24 grain=day
New Year's Eve => date date=2024-12-31 grain=day
New Year’s Day => date date=2024-01-01 grain=day
Thanksgiving => date date=2024-11-28 grain=day
Halloween => date date=2024-10-31 grain=day
Valentine's Day => date date=2024-02-14 grain=day
on Monday => date date=2024-03-11 grain=day
last Friday => date date=2024-03-08 grain=day
next Tuesday => date date=2024-03-19 grain=day
on Friday => date date=2024-03-15 grain=day
in two weeks => date date=2024-03-25 grain=week
in three days => date date=2024-03-18 grain=day
the day before yesterday => date date=2024-03-13 grain=day
the day after tomorrow => date date=2024-03-17 grain=day
in March 2020 => date date=2020-03-01 grain=month
March 3 => date date=2024-03-03 grain=day
3 March => date date=2024-03-03 grain=day
Jan 2021 => date date=2021-01-01 grain=month
the third quarter of 2023 => date date=2023-07-01 grain=quarter
Q3 2023 => date date=2023-07-01 grain=quarter
Monday, July 8, 2024 => date date=2024-07-08 grain=day
# Holidays and phrasings read by the date grammar (reference Friday 2024-03-15).
Xmas shopping started early => date date=2024-12-25 grain=day span=Xmas
Florists were busy on Valentine’s Day => date date=2024-02-14 grain=day
Juneteenth became a federal holiday => date date=2024-06-19 grain=day
The office closes for Father’s Day => date date=2024-06-16 grain=day
Sales peaked around President’s Day => date date=2024-02-19 grain=day
Bookings rose ahead of Mother’s Day => date date=2024-05-12 grain=day
The parade returns for Mardi Gras 2025 => date date=2025-03-04 grain=day
Services were held on Ash Wednesday => date date=2024-02-14 grain=day
Crowds gathered on Palm Sunday => date date=2024-03-24 grain=day
Banks reopen after Easter Monday => date date=2024-04-01 grain=day
Trains run late on Whit Monday => date date=2024-05-20 grain=day
Cyber Monday deals => date date=2024-12-02 grain=day
Schools close on MLK Day => date date=2024-01-15 grain=day
Markets shut for Columbus Day => date date=2024-10-14 grain=day
Veterans Day ceremonies => date date=2024-11-11 grain=day
fireworks on Bastille Day => date date=2024-07-14 grain=day
the fifth of November => date date=2024-11-05 grain=day
the twenty-first of June => date date=2024-06-21 grain=day
the 1st of May, 2020 => date date=2020-05-01 grain=day span=the_1st_of_May,_2020
this afternoon => date date=2024-03-15 grain=day
last evening => date date=2024-03-14 grain=day
a week from now => date date=2024-03-18 grain=week
three days from today => date date=2024-03-18 grain=day
two decades ago => date date=2004-01-01 grain=year
in 3 weeks => date date=2024-04-01 grain=week
sales in q2 2024 => date date=2024-04-01 grain=quarter
Q4 of 2023 => date date=2023-10-01 grain=quarter
in the final quarter => date date=2024-10-01 grain=quarter span=the_final_quarter
Thurs., Oct. 5 => date date=2024-10-05 grain=day
Sat 2 March => date date=2024-03-02 grain=day
Oct. 2022 => date date=2022-10-01 grain=month
prices have risen since January => date date=2024-01-01 grain=month
the plant shut during August => date date=2024-08-01 grain=month
talks resume May 5–7 => date date=2024-05-05 grain=day span=May_5–7
"#;

const NOT_COUNTS: &str = r#"
Page 1 of 3 => none
Photo 2 of 12 => none
The UN Security Council voted 13-0 => none
The bill passed 220-211 in the House => none
Police arrested him at 3:15 a.m. on Route 9 => none
Call 1-800-273-8255 for help => none
Covid-19 cases rose => none
Arsenal lost 1-2 at home => none
a 2-3 defeat => none
they drew 2-2 => none
the Lakers won 101-99 => none
Share this story\n\n0\n\nThe mission began. => none
Article 5 of the charter => none
the Apollo 11 mission => none
Flight 370 disappeared => none
Highway 61 => none
the F-16 jets => none
a Su-57 fighter => none
the 24/7 news cycle => none
v2 of the app => none
a 4x4 truck => none
MP3 players => none
the U2 concert => none
the 3D printer => none
at 10.30pm => none
at 14:00 => none
at 6 o'clock => none
the 2020 election => none
in the 2010s => none
the 9/11 attacks => none
the FIFA World Cup 2022 => none
Haiti last held elections in 2016. => none
The 2023-24 season starts. => none
The Ancel AD310 scanner => none
007 movie stunt driver => none
·7 min read => none
7 min read => none
The meeting is at 10:30 today. => none
The shop opens at 9am. => none
The flight left at 7 p.m. local time => none
from No. 118 Overall => none
The assassination on July 7 of the president => none
on June 7, 2023, for meetings => none
call 305-555-0100 now => none
call (305) 555-0100 now => none
the score was 3-1 at half time => none
they won 2-0 => none
version 2.1.4 was released => none
He installed Windows 11 => none
Apple released iOS 17 today => none
a Boeing 737 => none
the G20 summit => none
COVID-19 cases => none
Section 230 => none
Chapter 11 => none
Room 101 => none
page 3 => none
#1 seed => none
1. WATCH: Blinken visits => none
2) Another item => none
the 1990s => none
in the 1980s => none
on 9/11 => none
since 2010 => none
between 2010 and 2015 => none
the Class of 2019 => none
in his 60s => none
Rs 500 => money 500 unit=INR
"#;

const ENTITIES: &str = r#"
Nigeria deployed 500 soldiers to the border => count 500 entity=Nigeria
About 300 Brazilian troops arrived => count 300 ~ entity=Brazil
Germany's budget rose to €480bn => money 480000000000 unit=EUR entity=Germany
Jamaica offered 200 police officers => count 200 entity=Jamaica
The Philippines reported 1,200 cases => count 1200 entity=Philippines
Canadian officials pledged $50 million => money 50000000 unit=USD entity=Canada
"#;

#[test]
fn table_entities() {
    assert_table("entities", ENTITIES);
}

#[test]
fn table_cardinals() {
    assert_table("cardinals", CARDINALS);
}

#[test]
fn table_suffixes() {
    assert_table("suffixes", SUFFIXES);
}

#[test]
fn table_money() {
    assert_table("money", MONEY);
}

#[test]
fn table_percent() {
    assert_table("percent", PERCENT);
}

#[test]
fn table_qualifiers() {
    assert_table("qualifiers", QUALIFIERS);
}

#[test]
fn table_quantities() {
    assert_table("quantities", QUANTITIES);
}

#[test]
fn table_durations() {
    assert_table("durations", DURATIONS);
}

#[test]
fn table_ordinals() {
    assert_table("ordinals", ORDINALS);
}

#[test]
fn table_dates() {
    assert_table("dates", DATES);
}

#[test]
fn table_not_counts() {
    assert_table("not counts", NOT_COUNTS);
}

/// Writes `n` with thousands separators: 1234567 → "1,234,567".
pub(super) fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn money_round_trips() {
    let mut seed = 3;
    let currencies = [
        ("$", "", "USD"),
        ("€", "", "EUR"),
        ("£", "", "GBP"),
        ("", " dollars", "USD"),
        ("", " euros", "EUR"),
        ("USD ", "", "USD"),
    ];
    for k in 0..600 {
        let n = lcg(&mut seed) % 10_000_000_000;
        let cents = lcg(&mut seed) % 100;
        let (pre, post, code) = currencies[k % currencies.len()];
        let amount = if k % 2 == 0 {
            grouped(n)
        } else {
            format!("{}.{cents:02}", grouped(n))
        };
        let expected = if k % 2 == 0 {
            n as f64
        } else {
            n as f64 + cents as f64 / 100.0
        };
        let text = format!("The fund paid {pre}{amount}{post} last year.");
        let f = figs(&text);
        let m = f
            .iter()
            .find(|f| f.kind == FigureKind::Money)
            .unwrap_or_else(|| panic!("{text}: {f:?}"));
        assert!(close(m.value, Some(expected)), "{text}: {:?}", m.value);
        assert_eq!(m.unit.as_deref(), Some(code), "{text}");
        assert_eq!(
            &text[m.span.start..m.span.end],
            format!("{pre}{amount}{post}").trim(),
            "{text}"
        );
    }
}

#[test]
fn percent_round_trips() {
    let mut seed = 5;
    for k in 0..600 {
        let whole = lcg(&mut seed) % 1000;
        let tenth = lcg(&mut seed) % 10;
        let written = if k % 3 == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{tenth}")
        };
        let expected = if k % 3 == 0 {
            whole as f64
        } else {
            whole as f64 + tenth as f64 / 10.0
        };
        let sign = ["%", " percent", " per cent"][k % 3];
        let text = format!("Turnout rose by {written}{sign} in the north.");
        let f = figs(&text);
        let p = f
            .iter()
            .find(|f| f.kind == FigureKind::Percent)
            .unwrap_or_else(|| panic!("{text}: {f:?}"));
        assert!(close(p.value, Some(expected)), "{text}: {:?}", p.value);
        assert_eq!(p.unit.as_deref(), Some("%"));
    }
}

#[test]
fn worded_counts_round_trip_in_sentences() {
    let mut seed = 9;
    for _ in 0..400 {
        let n = lcg(&mut seed) % 1_000_000_000 + 2;
        let text = format!("Officials said {} people were displaced.", numbers::to_words(n));
        let f = figs(&text);
        let c = f
            .iter()
            .find(|f| f.kind == FigureKind::Count)
            .unwrap_or_else(|| panic!("{text}: {f:?}"));
        assert_eq!((c.value, c.unit.as_deref()), (Some(n as f64), Some("people")), "{text}");
    }
}

#[test]
fn days_listed_after_a_date_are_dates_of_its_month() {
    let t = "The fund bought stock on June 4 and 11 for 3 mln dlrs, and again on July 1, 8 and 15.";
    let dates: Vec<String> = figs(t)
        .iter()
        .filter(|f| f.kind == FigureKind::Date)
        .map(|f| f.date.unwrap().to_string())
        .collect();
    assert_eq!(
        dates,
        ["2024-06-04", "2024-06-11", "2024-07-01", "2024-07-08", "2024-07-15"]
    );
    // A number after "and" that counts something stays a count.
    let f = figs("On May 3 and 4 workers were hurt.");
    assert!(
        f.iter().any(|f| f.kind == FigureKind::Count && f.value == Some(4.0)),
        "{f:#?}"
    );
}

#[test]
fn rules_units_take_the_figures_form() {
    assert_eq!(unit_name("barrels per day"), "barrel per day");
    assert_eq!(unit_name("Barrels/Day"), "barrel per day");
    assert_eq!(unit_name("bpd"), "barrel per day");
    assert_eq!(unit_name("km"), "kilometre");
    assert_eq!(unit_name("km/h"), "kilometre per hour");
    assert_eq!(unit_name("officers"), "officer");
    assert_eq!(unit_name("USD"), "usd");
}

#[test]
fn a_bare_scaled_amount_after_money_in_its_sentence_is_money() {
    let f = figs("Sales were 40 mln stg and operating profit 3.5 mln, with 2 mln shares issued.");
    let got: Vec<_> = f.iter().map(|f| (f.kind, f.unit.clone(), f.value)).collect();
    assert_eq!(
        got,
        [
            (FigureKind::Money, Some("GBP".into()), Some(40e6)),
            (FigureKind::Money, Some("GBP".into()), Some(3.5e6)),
            (FigureKind::Count, Some("share".into()), Some(2e6)),
        ]
    );
    // Not across sentences.
    let f = figs("Sales were 40 mln stg. The town has 3.5 mln.");
    assert_eq!(f[1].kind, FigureKind::Count);
}

#[test]
fn a_currency_name_several_countries_use_is_the_one_of_the_country_in_the_story() {
    let unit = |t: &str| {
        figs(t)
            .into_iter()
            .find(|f| f.kind == FigureKind::Money)
            .and_then(|f| f.unit)
    };
    assert_eq!(
        unit("Oman said it would spend 900 mln riyals on roads.").as_deref(),
        Some("OMR")
    );
    assert_eq!(
        unit("Qatar expects revenue of 12 billion riyals.").as_deref(),
        Some("QAR")
    );
    assert_eq!(
        unit("The fund lent 50 mln riyals to the builder.").as_deref(),
        Some("SAR")
    );
    assert_eq!(
        unit("Belgium spent 2 billion francs on the line.").as_deref(),
        Some("BEF")
    );
    // A national adjective decides.
    assert_eq!(unit("Qatar paid 3 mln Saudi riyals.").as_deref(), Some("SAR"));
}

#[test]
fn a_fraction_in_eighths_is_a_share_price_only_where_the_sentence_is_about_trading() {
    let f = figs("The stock was up 1-1/4 at 18-7/8 in heavy trading.");
    assert!(f.iter().all(|f| f.kind == FigureKind::Money), "{f:#?}");
    let f = figs("Stir in 2-1/4 of the flour and wait.");
    assert!(f.iter().all(|f| f.kind != FigureKind::Money), "{f:#?}");
}
