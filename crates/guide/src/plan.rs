//! One plan as the panel words it: the rules' assessment for a reader,
//! turned into [`Block`]s (page and text form) and into the fallback
//! panel's compact JSON. No rule logic: every decision is the rules'
//! (`assess`, the steps, `create_button`, the notes and where they sit);
//! this module only looks words up by id, as the widget's `plan_view` and
//! `plan_text` do.

use crate::doc::{h, p, ul, Block, Inline};
use diary_rules::eligibility::create_button::{max_age, Condition};
use diary_rules::eligibility::{Assessment, LinkLabel, NoteId, Path, Situation, Step, StepId, StepState};
use diary_rules::texts::{self, fill};
use diary_rules::Lang;
use diary_rules::Reader;
use serde_json::{json, Value};

/// The words for `id`.
pub fn t(id: &str, lang: Lang) -> String {
    texts::text(id, lang).to_owned()
}

/// The words for `id` for this reader: a student reads `<id>_student`
/// where the data has one (the widget's `tr`).
pub fn tr(id: &str, reader: Reader, lang: Lang) -> String {
    texts::for_reader(id, reader.is_student()).map_or(id, |e| e.get(lang)).to_owned()
}

/// `DD.MM.YYYY HH:MM`, as the panel writes a time.
fn display(at: chrono::NaiveDateTime) -> String {
    at.format("%d.%m.%Y %H:%M").to_string()
}

/// The step's link: its label (a text id or the profile's words) and address.
fn link(st: &Step, lang: Lang) -> Option<(String, String)> {
    st.link.as_ref().map(|l| {
        let label = match &l.label {
            LinkLabel::TextId(id) => t(id, lang),
            LinkLabel::Literal(words) => words.clone(),
        };
        (l.href.clone(), label)
    })
}

/// The «Создать» box: each condition met (✓), missing (✗) or not known (?).
fn create_box(a: &Assessment, s: &Situation, reader: Reader, lang: Lang) -> Option<Block> {
    let b = a.create_button.as_ref()?;
    let met = b.met();
    let max = max_age(s).to_string();
    let rows = Condition::ALL.iter().map(|c| {
        let missing: Vec<String> =
            b.missing.iter().filter(|m| m.condition() == *c).map(|m| tr(&m.text_id(), reader, lang)).collect();
        let unknown: Vec<String> =
            b.unknown.iter().filter(|u| u.condition() == *c).map(|u| tr(&u.text_id(), reader, lang)).collect();
        let name = fill(&tr(&format!("ui.create.cond.{}", c.id()), reader, lang), &[("max", max.clone())]);
        let (mark, state, more) = if met.contains(c) {
            ("✓", "met", Vec::new())
        } else if !missing.is_empty() {
            ("✗", "missing", missing)
        } else {
            ("?", "unknown", unknown)
        };
        let mut words =
            vec![Inline::Strong(format!("{mark} {}: ", t(&format!("ui.create.{state}"), lang))), Inline::Text(name)];
        for m in more {
            words.push(Inline::Text(format!(" — {m}")));
        }
        vec![Block::P(None, words)]
    });
    let lead = if b.visible { "ui.next.create_button.visible" } else { "ui.next.create_button.missing" };
    Some(Block::Div(
        "box",
        vec![
            h(4, None, t("ui.next.create_button.heading", lang)),
            p(t(lead, lang)),
            Block::List { ordered: false, class: Some("conditions"), items: rows.collect() },
        ],
    ))
}

/// The wait box (only when the check's time was given: the fixtures).
fn wait_box(a: &Assessment, reader: Reader, lang: Lang) -> Option<Block> {
    let e = a.check_estimate.as_ref()?;
    let mut inner = vec![
        h(4, None, t("ui.next.wait.heading", lang)),
        p(fill(&t("ui.next.wait.latest", lang), &[("latest", display(e.latest))])),
    ];
    if e.finished {
        inner.push(p(t("ui.next.wait.finished", lang)));
    } else if e.overdue {
        inner.push(p(tr("ui.next.wait.overdue", reader, lang)));
    }
    inner.push(p(t("ui.next.wait.sources", lang)));
    inner.push(ul(None, e.variants.iter().map(|v| tr(v.id.text_id(), reader, lang))));
    Some(Block::Div("box", inner))
}

/// The notes the panel shows inside `step`: those placed before its text
/// and those after it.
fn step_notes(a: &Assessment, step: StepId) -> (Vec<NoteId>, Vec<NoteId>) {
    a.notes.iter().copied().filter(|n| n.step_in(a) == Some(step)).partition(|n| n.comes_first())
}

/// The step that shows the wait box: the first check step of the plan.
fn wait_step(a: &Assessment) -> Option<StepId> {
    a.steps
        .iter()
        .find(|st| {
            matches!(st.id, StepId::CheckOverdue | StepId::CertificateCheck | StepId::SnilsCheck | StepId::MfcDocuments)
        })
        .map(|st| st.id)
}

/// A plan in both forms.
pub struct Plan {
    /// The page's heading: the path in the reader's words.
    pub title: String,
    /// The page's blocks (below the heading).
    pub blocks: Vec<Block>,
    /// The fallback panel's form: `{ steps, notes }`.
    pub json: Value,
}

/// The plan of `a` for `reader`, in `lang`.
pub fn plan(a: &Assessment, s: &Situation, reader: Reader, lang: Lang) -> Plan {
    let region_name = a.region.name.get(lang).to_owned();
    let note_text = |n: NoteId| tr(&n.text_id_in(&a.region), reader, lang);
    let mut items = Vec::new();
    let mut json_steps = Vec::new();
    for (i, st) in a.steps.iter().enumerate() {
        let title = fill(texts::text(&st.title_id, lang), &st.params);
        let text = fill(texts::text(&st.text_id, lang), &st.params);
        let who = tr(&format!("ui.actor.{}", st.actor.id()), reader, lang);
        let mut body = vec![Block::H(
            3,
            None,
            vec![
                Inline::Text(title.clone()),
                Inline::Status(t(&format!("ui.plan.status.{}", a.plan_status(st)), lang)),
            ],
        )];
        let mut meta = vec![Inline::Strong(format!("{}: ", t("ui.next.who", lang))), Inline::Text(who.clone())];
        let time_id = format!("ui.time.{}", st.id.id());
        if texts::entry(&time_id).is_some() {
            meta.push(Inline::Text(" · ".into()));
            meta.push(Inline::Strong(format!("{}: ", t("ui.guide.time", lang))));
            meta.push(Inline::Text(tr(&time_id, reader, lang)));
        }
        body.push(Block::P(Some("meta"), meta));
        let (first, after) = step_notes(a, st.id);
        if !first.is_empty() {
            body.push(ul(Some("advice"), first.iter().map(|n| note_text(*n))));
        }
        body.push(p(text.clone()));
        if st.id == StepId::CreateChildAccount && a.path == Path::ParentCreatesAccount && st.state != StepState::Done {
            body.extend(create_box(a, s, reader, lang));
        }
        if wait_step(a) == Some(st.id) {
            body.extend(wait_box(a, reader, lang));
        }
        if !after.is_empty() {
            body.push(ul(Some("advice"), after.iter().map(|n| note_text(*n))));
        }
        let l = link(st, lang);
        if let Some((href, label)) = &l {
            body.push(Block::P(Some("link"), vec![Inline::Link { href: href.clone(), label: label.clone() }]));
        }
        items.push(body);
        json_steps.push(json!({
            "n": i + 1,
            "who": who,
            "title": title,
            "text": text,
            "link": l.map(|(href, label)| json!({ "href": href, "label": label })),
        }));
    }
    let mut blocks = vec![Block::Section(vec![
        h(2, Some("steps"), t("ui.next.steps", lang)),
        Block::List { ordered: true, class: Some("steps"), items },
    ])];
    blocks.push(Block::Section(region_box(a, &region_name, reader, lang)));
    // Notes about the sources disagreeing: the panel's drawer.
    let drawer: Vec<NoteId> = a.notes.iter().copied().filter(|n| n.step_in(a).is_none()).collect();
    if !drawer.is_empty() {
        blocks.push(Block::Section(vec![
            h(2, Some("notes"), tr("ui.next.notes", reader, lang)),
            ul(None, drawer.iter().map(|n| tr(&n.text_id(), reader, lang))),
        ]));
    }
    let notes: Vec<String> = a
        .notes
        .iter()
        .map(|n| if n.step_in(a).is_some() { note_text(*n) } else { tr(&n.text_id(), reader, lang) })
        .collect();
    Plan { title: tr(&a.path.text_id(), reader, lang), blocks, json: json!({ "steps": json_steps, "notes": notes }) }
}

/// The region box: the diary's site and apps and where to turn.
fn region_box(a: &Assessment, name: &str, reader: Reader, lang: Lang) -> Vec<Block> {
    let r = &a.region;
    let mut out = vec![h(2, Some("region"), fill(&tr("ui.next.region", reader, lang), &[("name", name.to_owned())]))];
    if let Some(site) = &r.diary_site {
        out.push(Block::P(
            None,
            vec![
                Inline::Strong(format!("{}: ", t("ui.next.diary", lang))),
                Inline::Link { href: site.href.clone(), label: site.label.clone() },
            ],
        ));
    }
    if let Some(app) = &r.app_name {
        out.push(p(fill(&t("ui.next.app", lang), &[("app", app.clone())])));
        out.push(Block::List {
            ordered: false,
            class: None,
            items: r
                .apps
                .iter()
                .map(|app| {
                    vec![Block::P(None, vec![Inline::Link { href: app.href.clone(), label: app.store.clone() }])]
                })
                .collect(),
        });
    }
    let mut problems = vec![Inline::Text(tr(r.problems.text_id(), reader, lang))];
    if let Some(l) = &r.problems_link {
        problems.push(Inline::Text(" ".into()));
        problems.push(Inline::Link { href: l.href.clone(), label: l.label.clone() });
    }
    out.push(Block::P(None, problems));
    out
}
