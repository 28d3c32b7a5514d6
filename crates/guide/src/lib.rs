//! # diary-guide
//!
//! The static guide: for every region profile, every reader (the panel's
//! `Role`: parent, guardian, student) and every path the rules put that
//! reader on, one page with the whole plan as the panel words it; the error
//! catalog; the password policy; an index per language — HTML and CSS, no
//! script. Plus the no-WebAssembly fallback panel's compact form
//! (`fallback.<lang>.json`), a plain-text form of every page and of every
//! fixture's outcome (`tests/outcomes/`), and the wizard's flow graph
//! (`docs/flow.dot`, `docs/flow.svg`).
//!
//! Everything is computed in memory by [`guide_files`], [`outcome_files`]
//! and [`flow::files`] (deterministic: a fixed clock, sorted maps); the
//! binary writes them. No rule logic lives here: the plan of a start is
//! whatever `assess` says for the reader's role and a birth date in each
//! age group; the words are looked up by id.

pub mod doc;
pub mod flow;
pub mod plan;
pub mod svg;

use diary_rules::age::{AgeGroup, MAX_AGE_YEARS};
use diary_rules::eligibility::questions::{Question, YOUNGEST_PUPIL_YEARS};
use diary_rules::eligibility::region::{embedded_all, RegionProfile};
use diary_rules::eligibility::situation::Representative;
use diary_rules::eligibility::{assess, parse_local_date_time, Assessment, Path, RegionArg, Situation, SituationInput};
use diary_rules::explain::{self, ExplainContext};
use diary_rules::password::{render_message, MessageContext, Policy, RuleId};
use diary_rules::Lang;
use diary_rules::Reader;
use doc::{h, p, Block, Inline};
use plan::t;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The clock every page is computed at. Nothing shown depends on it (no
/// check time is given at a start, so no date is shown); it only turns an
/// age into a birth date.
pub const CLOCK: &str = "2026-09-01T12:00";

pub fn clock() -> chrono::NaiveDateTime {
    parse_local_date_time(CLOCK).expect("CLOCK is a local date-time")
}

/// The youngest pupil's age in `group`: the age a start page assumes.
pub(crate) fn age_in(group: AgeGroup) -> u32 {
    (YOUNGEST_PUPIL_YEARS..=MAX_AGE_YEARS).find(|y| AgeGroup::of(*y) == group).unwrap_or(YOUNGEST_PUPIL_YEARS)
}

/// The engine's input for `reader` in `region` with a pupil of `years`: the
/// panel's first screen answered (role and birth date), nothing else. A
/// guardian is the parent's role with the guardian as representative, as
/// the panel sends it.
pub fn start_input(region: &RegionProfile, reader: Reader, years: u32) -> SituationInput {
    use chrono::Datelike;
    let today = clock().date();
    let birth = today.with_year(today.year() - years as i32).unwrap_or(today);
    let mut input = SituationInput {
        role: Some(reader.role().id().to_owned()),
        birth_date: Some(birth.format("%Y-%m-%d").to_string()),
        region: Some(RegionArg::Id(region.id.clone())),
        ..SituationInput::default()
    };
    if reader == Reader::Guardian {
        Question::Representative.set(&mut input, Some(Representative::Guardian.id().to_owned()));
    }
    input
}

/// One start page: a region, a reader, the path the rules chose.
pub struct Start {
    pub region: &'static RegionProfile,
    pub reader: Reader,
    pub path: Path,
    pub situation: Situation,
    pub assessment: Assessment,
}

impl Start {
    /// The page's file name within a language's folder.
    pub fn page(&self) -> String {
        format!("{}/{}-{}.html", self.region.id, self.reader.id(), self.path.id())
    }
}

/// Every start: region × reader × age group, one per distinct path (two
/// age groups on the same path, as a parent's under 14 and 14–17 in the
/// application flow, are one page; the generator checks that their plans
/// read the same).
pub fn starts() -> Vec<Start> {
    let mut out: Vec<Start> = Vec::new();
    for region in embedded_all() {
        for reader in Reader::ALL {
            for group in AgeGroup::ALL {
                let input = start_input(region, reader, age_in(group));
                let situation = Situation::from_input(&input, clock()).expect("a start is valid input");
                let assessment = assess(&situation);
                let path = assessment.path;
                if let Some(seen) =
                    out.iter().find(|s| s.region.id == region.id && s.reader == reader && s.path == path)
                {
                    for lang in Lang::ALL {
                        let a = plan::plan(&seen.assessment, &seen.situation, reader, lang);
                        let b = plan::plan(&assessment, &situation, reader, lang);
                        assert!(
                            a.blocks == b.blocks,
                            "{} {} {}: two age groups on one path read differently; give them their own pages",
                            region.id,
                            reader.id(),
                            path.id()
                        );
                    }
                    continue;
                }
                out.push(Start { region, reader, path, situation, assessment });
            }
        }
    }
    out
}

fn region_name(r: &RegionProfile, lang: Lang) -> String {
    r.name.get(lang).to_owned()
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Ru => Lang::En,
        Lang::En => Lang::Ru,
    }
}

/// A whole page: its title, heading and blocks, with the site's header
/// and navigation. `file` is the page's path below `guide/<lang>/`.
pub struct Page {
    pub lang: Lang,
    pub file: String,
    pub title: String,
    pub h1: String,
    pub blocks: Vec<Block>,
}

impl Page {
    /// How many folders deep the page is below the guide's root.
    fn depth(&self) -> usize {
        1 + self.file.matches('/').count()
    }

    pub fn html(&self) -> String {
        let lang = self.lang;
        let up = "../".repeat(self.depth());
        let to_lang = "../".repeat(self.depth() - 1);
        let alt = other(lang);
        let nav = [
            (format!("{to_lang}index.html"), t("static.nav.index", lang), None),
            (format!("{to_lang}errors.html"), t("ui.section.error", lang), None),
            (format!("{to_lang}password.html"), t("ui.section.password", lang), None),
            (format!("{up}{}/{}", alt.code(), self.file), t("static.nav.other_lang", lang), Some(alt.code())),
        ];
        let mut nav_html = String::new();
        for (href, label, hreflang) in nav {
            nav_html.push_str("<li>");
            doc::html::inlines(&mut nav_html, &[Inline::Local { href, label, hreflang }]);
            nav_html.push_str("</li>");
        }
        let mut body = String::new();
        doc::html::blocks(&mut body, &self.blocks);
        format!(
            "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<link rel=\"stylesheet\" href=\"{up}guide.css\">\n\
             <link rel=\"alternate\" hreflang=\"{alt}\" href=\"{up}{alt}/{file}\">\n</head>\n<body>\n\
             <header>\n<p class=\"site\">{site}</p>\n<nav aria-label=\"{nav_label}\"><ul>{nav_html}</ul></nav>\n</header>\n\
             <main>\n<h1>{h1}</h1>\n{body}</main>\n</body>\n</html>\n",
            code = lang.code(),
            title = doc::escape(&self.title),
            alt = alt.code(),
            file = self.file,
            site = doc::escape(&t("static.title", lang)),
            nav_label = doc::escape(&t("static.nav.label", lang)),
            h1 = doc::escape(&self.h1),
        )
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        doc::text::blocks(&mut out, &[h(1, None, self.h1.clone())], 0);
        doc::text::blocks(&mut out, &self.blocks, 0);
        out
    }
}

/// The page of one start in `lang`.
pub fn start_page(s: &Start, lang: Lang) -> (Page, Value) {
    let plan = plan::plan(&s.assessment, &s.situation, s.reader, lang);
    let role = t(s.reader.label_id(), lang);
    let region = region_name(s.region, lang);
    let for_line = diary_rules::texts::fill(&t("static.page.for", lang), &[("role", role), ("region", region)]);
    let mut blocks = vec![Block::P(Some("for"), vec![Inline::Text(for_line.clone())])];
    blocks.extend(plan.blocks);
    let page = Page {
        lang,
        file: s.page(),
        title: format!("{} — {}", t(&format!("static.age.{}", s.path.id()), lang), for_line),
        h1: plan.title,
        blocks,
    };
    (page, plan.json)
}

/// The index of a language: every region, reader and path.
fn index_page(starts: &[Start], lang: Lang) -> Page {
    let mut blocks = vec![p(t("static.intro", lang))];
    for region in embedded_all() {
        let mut inner = vec![h(2, Some(&format!("r-{}", region.id)), region_name(region, lang))];
        for reader in Reader::ALL {
            inner.push(h(3, None, t(reader.label_id(), lang)));
            let items = starts
                .iter()
                .filter(|s| s.region.id == region.id && s.reader == reader)
                .map(|s| {
                    vec![Block::P(
                        None,
                        vec![Inline::Local {
                            href: s.page(),
                            label: t(&format!("static.age.{}", s.path.id()), lang),
                            hreflang: None,
                        }],
                    )]
                })
                .collect();
            inner.push(Block::List { ordered: false, class: Some("paths"), items });
        }
        blocks.push(Block::Section(inner));
    }
    Page { lang, file: "index.html".into(), title: t("static.title", lang), h1: t("static.title", lang), blocks }
}

/// The error catalog: each message, what it means and what to do (for a
/// parent and, where it differs, for the student).
fn errors_page(lang: Lang) -> Page {
    let mut blocks = Vec::new();
    for listed in explain::list() {
        let ctx = |role| ExplainContext { role: Some(role), ..Default::default() };
        let (Some(parent), Some(student)) = (
            explain::explain_id(listed.id, &ctx(explain::Role::Parent)),
            explain::explain_id(listed.id, &ctx(explain::Role::Student)),
        ) else {
            continue;
        };
        let hid = format!("e-{}", listed.id);
        let mut inner = vec![
            h(2, Some(&hid), t(parent.title, lang)),
            Block::P(
                Some("quote"),
                vec![
                    Inline::Strong(format!("{}: ", t("ui.error.message", lang))),
                    Inline::Text(format!("«{}»", t(parent.quote, Lang::Ru))),
                ],
            ),
            h(3, None, t("static.errors.cause", lang)),
            p(t(parent.cause, lang)),
        ];
        let variant = |e: &explain::Explanation, heading: &str| {
            let mut out = vec![h(3, None, t(heading, lang))];
            out.push(Block::P(
                None,
                vec![
                    Inline::Strong(format!("{}: ", t("ui.error.who", lang))),
                    Inline::Text(t(&format!("elig.actor.{}", e.actor.id()), lang)),
                ],
            ));
            out.push(Block::List {
                ordered: true,
                class: None,
                items: e.steps.iter().map(|s| vec![p(t(s, lang))]).collect(),
            });
            if let Some(c) = e.contact {
                out.push(Block::P(
                    None,
                    vec![Inline::Strong(format!("{}: ", t("ui.error.contact", lang))), Inline::Text(t(c, lang))],
                ));
            }
            out
        };
        let same = parent.actor == student.actor && parent.steps == student.steps && parent.contact == student.contact;
        if same {
            inner.extend(variant(&parent, "ui.error.steps"));
        } else {
            inner.extend(variant(&parent, "static.errors.for_parent"));
            inner.extend(variant(&student, "static.errors.for_student"));
        }
        if !parent.links.is_empty() {
            inner.push(Block::List {
                ordered: false,
                class: None,
                items: parent
                    .links
                    .iter()
                    .map(|l| vec![Block::P(None, vec![Inline::Link { href: l.url.into(), label: t(l.label, lang) }])])
                    .collect(),
            });
        }
        blocks.push(Block::Section(inner));
    }
    Page {
        lang,
        file: "errors.html".into(),
        title: t("static.errors.title", lang),
        h1: t("static.errors.title", lang),
        blocks,
    }
}

/// The password policy, rule by rule.
fn password_page(lang: Lang) -> Page {
    let policy = Policy::gosuslugi();
    let ctx = MessageContext { policy: &policy, length: 0, invalid_chars: &[], layout_fix: None };
    let blocks = vec![Block::Section(vec![
        h(2, Some("rules"), t("ui.pw.rules", lang)),
        doc::ul(None, RuleId::POLICY.iter().map(|r| render_message(r.rule_text_id(), lang, &ctx))),
    ])];
    Page {
        lang,
        file: "password.html".into(),
        title: t("static.password.title", lang),
        h1: t("static.password.title", lang),
        blocks,
    }
}

/// Every page of a language.
pub fn pages(starts: &[Start], lang: Lang) -> Vec<Page> {
    let mut out = vec![index_page(starts, lang), errors_page(lang), password_page(lang)];
    out.extend(starts.iter().map(|s| start_page(s, lang).0));
    out
}

/// The fallback panel's compact form of `lang` (see README, "Static guide").
pub fn fallback(starts: &[Start], lang: Lang) -> Value {
    let mut roles = Map::new();
    for reader in Reader::ALL {
        roles.insert(reader.id().into(), t(reader.label_id(), lang).into());
    }
    // In the paths' own order (youngest first): an array, as a JSON
    // object's keys would come out sorted.
    let ages: Vec<Value> = Path::ALL
        .iter()
        .map(|p| json!({ "id": p.id(), "label": t(&format!("static.age.{}", p.id()), lang) }))
        .collect();
    let mut regions = Map::new();
    for region in embedded_all() {
        let mut plans = Map::new();
        for s in starts.iter().filter(|s| s.region.id == region.id) {
            let (_, mut plan) = start_page(s, lang);
            plan["page"] = format!("{}/{}", lang.code(), s.page()).into();
            plans.insert(format!("{}/{}", s.reader.id(), s.path.id()), plan);
        }
        regions.insert(region.id.clone(), json!({ "name": region_name(region, lang), "plans": plans }));
    }
    json!({
        "lang": lang.code(),
        "texts": {
            "heading": t("static.title", lang),
            "chooseRegion": t("static.choose_region", lang),
            "chooseRole": t("ui.role.label", lang),
            "chooseAge": t("static.choose_age", lang),
            "roles": roles,
            "ages": ages,
            "openFull": t("static.open_full", lang),
        },
        "regions": regions,
    })
}

/// The stylesheet every page links.
pub const CSS: &str = include_str!("guide.css");

/// Every file of `pkg/widget/guide/`, by path below it.
pub fn guide_files() -> BTreeMap<String, Vec<u8>> {
    let starts = starts();
    let mut out = BTreeMap::new();
    out.insert("guide.css".to_owned(), CSS.as_bytes().to_vec());
    for lang in Lang::ALL {
        for page in pages(&starts, lang) {
            out.insert(format!("{}/{}", lang.code(), page.file), page.html().into_bytes());
        }
        let json = serde_json::to_string(&fallback(&starts, lang)).expect("JSON of strings") + "\n";
        out.insert(format!("fallback.{}.json", lang.code()), json.into_bytes());
    }
    out
}

/// The plain-text form of every page, by path below `tests/outcomes/`
/// (`<lang>/<region>/<reader>-<path>.txt`, `<lang>/errors.txt`, …).
pub fn page_outcomes() -> BTreeMap<String, String> {
    let starts = starts();
    let mut out = BTreeMap::new();
    for lang in Lang::ALL {
        for page in pages(&starts, lang).iter().filter(|p| p.file != "index.html") {
            out.insert(format!("{}/{}", lang.code(), page.file.replace(".html", ".txt")), page.text());
        }
    }
    out
}

/// The text form of one situation's plan for `reader` (a fixture's outcome).
pub fn outcome_text(a: &Assessment, s: &Situation, reader: Reader, lang: Lang) -> String {
    let plan = plan::plan(a, s, reader, lang);
    let mut out = String::new();
    doc::text::blocks(&mut out, &[h(1, None, plan.title)], 0);
    doc::text::blocks(&mut out, &plan.blocks, 0);
    out
}

/// The reader a rules input stands for (the inverse of [`start_input`]):
/// the student, a guardian or a parent.
pub fn reader_of(input: &SituationInput) -> Reader {
    match (input.role.as_deref(), input.representative.as_deref()) {
        (Some(r), _) if r == Reader::Student.role().id() => Reader::Student,
        (_, Some(g)) if g == Representative::Guardian.id() => Reader::Guardian,
        _ => Reader::Parent,
    }
}

/// The shared eligibility fixtures (their inputs are the JS API's).
const FIXTURES: &str = include_str!("../../../tests/fixtures/eligibility.toml");

/// A file name from a fixture's name: its number, then its Latin words.
fn slug(n: usize, name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
        if s.len() >= 60 {
            break;
        }
    }
    format!("{n:03}-{}", s.trim_end_matches('-'))
}

/// The Russian outcome of every fixture case, by path below
/// `tests/outcomes/` (`fixtures/<nnn>-<name>.txt`): the case's name and
/// input, then the plan as its reader sees it (or the input's error).
pub fn fixture_outcomes() -> BTreeMap<String, String> {
    let doc: toml::Table = toml::from_str(FIXTURES).expect("tests/fixtures/eligibility.toml parses");
    let cases = doc.get("case").and_then(|c| c.as_array()).cloned().unwrap_or_default();
    // The clock of the native fixture harness: every case gives `today`.
    let clock = parse_local_date_time("2001-01-01T00:00").expect("a local date-time");
    let mut out = BTreeMap::new();
    for (i, case) in cases.iter().enumerate() {
        let name = case.get("name").and_then(|v| v.as_str()).unwrap_or("");
        let raw = case.get("input").cloned().unwrap_or(toml::Value::Table(Default::default()));
        let mut text =
            format!("{name}\ninput: {}\n", toml::to_string(&raw).unwrap_or_default().trim().replace('\n', ", "));
        let parsed: Result<SituationInput, _> = raw.try_into();
        match parsed.map_err(|e| e.to_string()).and_then(|input| {
            Situation::from_input(&input, clock)
                .map(|s| (input, s))
                .map_err(|e| format!("{}: {}", e.field, e.problem.id()))
        }) {
            Ok((input, s)) => {
                let a = assess(&s);
                text.push_str(&format!("reader: {}\n\n", reader_of(&input).id()));
                text.push_str(&outcome_text(&a, &s, reader_of(&input), Lang::Ru));
            }
            Err(e) => text.push_str(&format!("error: {e}\n")),
        }
        out.insert(format!("fixtures/{}.txt", slug(i + 1, name)), text);
    }
    out
}

/// Every outcome artefact: the text form of every page and every fixture.
pub fn outcome_files() -> BTreeMap<String, String> {
    let mut out = page_outcomes();
    out.extend(fixture_outcomes());
    out
}
