//! The wizard's flow graph, questions → outcomes, for content reviewers:
//! `docs/flow.dot` (Graphviz source) and `docs/flow.svg` (laid out here, a
//! simple layered layout, so no Graphviz is needed and the SVG is the same
//! on every machine).
//!
//! The walk is the panel's: from each start (region × reader × age group)
//! the next question is the first of the rules' `questions` for the
//! situation that is not a special case, not answered yet and still
//! `decides_next`; every answer (and «Не знаю») is followed until no
//! question can change the next step, which is the outcome. Questions are
//! merged by (path, question) and outcomes by (path, next step): the graph
//! shows which answers lead where, not every history.

use crate::plan::t;
use crate::{age_in, clock, start_input};
use diary_rules::age::AgeGroup;
use diary_rules::eligibility::questions::{decides_next, questions, Question};
use diary_rules::eligibility::region::embedded_all;
use diary_rules::eligibility::{assess_input, format_local_date_time, Path, SituationInput, StepId};
use diary_rules::Lang;
use diary_rules::Reader;
use std::collections::{BTreeMap, BTreeSet};

/// A node of the graph.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Node {
    /// Who is at the page.
    Start(usize),
    /// A question on a path (their ids: the closed sets are not ordered).
    Ask(&'static str, &'static str),
    /// The next step the answers lead to (`None`: everything done), on a path.
    Outcome(&'static str, Option<&'static str>),
}

/// The graph: edges `from → to` with their answer labels (merged).
#[derive(Debug, Default)]
pub struct Graph {
    pub edges: BTreeMap<(Node, Node), BTreeSet<String>>,
}

/// The answers the walk tries for `q`, with their labels: each value (for
/// the check's time, a long-ago and a just-now request, as `decides_next`
/// probes) and «Не знаю» (`None`).
fn answers(q: Question, lang: Lang) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> = if q == Question::CheckRequestedAt {
        [chrono::Duration::days(60), chrono::Duration::minutes(1)]
            .iter()
            .filter_map(|d| clock().checked_sub_signed(*d))
            .map(|at| {
                let v = format_local_date_time(at);
                (Some(v.clone()), v.replace('T', " "))
            })
            .collect()
    } else {
        q.values().iter().map(|v| (Some((*v).to_owned()), t(&q.value_text_id(v), lang))).collect()
    };
    out.push((None, t("ui.q.unknown", lang)));
    out
}

/// The panel's next question for `input` with `unknown` answered «Не знаю».
fn next_question(input: &SituationInput, unknown: &[Question]) -> Option<(Path, Option<Question>, Option<StepId>)> {
    let s = diary_rules::eligibility::Situation::from_input(input, clock()).ok()?;
    let a = diary_rules::eligibility::assess(&s);
    let q = questions(&s).into_iter().find(|q| {
        *q != Question::Representative
            && !q.is_special_case()
            && !answered(input, *q)
            && !unknown.contains(q)
            && decides_next(input, clock(), *q)
    });
    Some((a.path, q, a.next))
}

/// Whether `q` has an answer in `input`.
fn answered(input: &SituationInput, q: Question) -> bool {
    let mut probe = input.clone();
    q.set(&mut probe, None);
    format!("{probe:?}") != format!("{input:?}")
}

fn walk(
    g: &mut Graph,
    from: Node,
    label: String,
    input: SituationInput,
    unknown: Vec<Question>,
    seen: &mut BTreeSet<String>,
    lang: Lang,
) {
    let Some((path, q, next)) = next_question(&input, &unknown) else { return };
    let to = match q {
        Some(q) => Node::Ask(path.id(), q.id()),
        None => Node::Outcome(path.id(), next.map(StepId::id)),
    };
    g.edges.entry((from, to.clone())).or_default().insert(label);
    let Some(q) = q else { return };
    let key = format!("{input:?}{unknown:?}");
    if !seen.insert(key) {
        return;
    }
    for (value, label) in answers(q, lang) {
        let mut next_input = input.clone();
        let mut next_unknown = unknown.clone();
        match value {
            Some(v) => q.set(&mut next_input, Some(v)),
            None => next_unknown.push(q),
        }
        walk(g, to.clone(), label, next_input, next_unknown, seen, lang);
    }
}

/// The whole graph, in `lang`.
pub fn graph(lang: Lang) -> Graph {
    let mut g = Graph::default();
    let mut seen = BTreeSet::new();
    for region in embedded_all() {
        for (i, reader) in Reader::ALL.iter().enumerate() {
            for group in AgeGroup::ALL {
                let input = start_input(region, *reader, age_in(group));
                let label = match assess_input(&input, clock()) {
                    Ok(a) => t(&format!("static.age.{}", a.path.id()), lang),
                    Err(_) => continue,
                };
                walk(&mut g, Node::Start(i), label, input, Vec::new(), &mut seen, lang);
            }
        }
    }
    g
}

pub fn node_id(n: &Node) -> String {
    match n {
        Node::Start(i) => format!("start_{}", Reader::ALL.get(*i).map_or("", |r| r.id())),
        Node::Ask(p, q) => format!("q_{p}_{q}"),
        Node::Outcome(p, s) => format!("o_{p}_{}", s.unwrap_or("all_done")),
    }
}

pub fn node_label(n: &Node, lang: Lang) -> String {
    match n {
        Node::Start(i) => Reader::ALL.get(*i).map(|r| t(r.label_id(), lang)).unwrap_or_default(),
        Node::Ask(_, q) => Question::parse(q).map(|q| t(&q.text_id(), lang)).unwrap_or_default(),
        Node::Outcome(_, Some(s)) => format!("→ {}", t(&format!("elig.step.{s}.title"), lang)),
        Node::Outcome(_, None) => format!("→ {}", t("ui.next.all_done", lang)),
    }
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Graphviz source: one cluster per path.
pub fn dot(g: &Graph, lang: Lang) -> String {
    let mut nodes: BTreeSet<Node> = BTreeSet::new();
    for (a, b) in g.edges.keys() {
        nodes.insert(a.clone());
        nodes.insert(b.clone());
    }
    let mut out = String::from(
        "// Generated by crates/guide (flow.rs) from the rules: the panel's questions → the next step.\n\
         // Regenerate: UPDATE_OUTCOMES=1 cargo test -p diary-guide --test outcomes\n\
         digraph flow {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"sans-serif\", fontsize=10];\n  edge [fontname=\"sans-serif\", fontsize=9];\n",
    );
    for n in nodes.iter().filter(|n| matches!(n, Node::Start(_))) {
        out.push_str(&format!("  {} [label=\"{}\", shape=oval];\n", node_id(n), dot_escape(&node_label(n, lang))));
    }
    for path in Path::ALL {
        out.push_str(&format!(
            "  subgraph cluster_{} {{\n    label=\"{}\";\n",
            path.id(),
            dot_escape(&t(&format!("static.age.{}", path.id()), lang))
        ));
        for n in nodes.iter() {
            let (p, shape) = match n {
                Node::Ask(p, _) => (p, "box"),
                Node::Outcome(p, _) => (p, "note"),
                Node::Start(_) => continue,
            };
            if *p == path.id() {
                out.push_str(&format!(
                    "    {} [label=\"{}\", shape={shape}];\n",
                    node_id(n),
                    dot_escape(&node_label(n, lang))
                ));
            }
        }
        out.push_str("  }\n");
    }
    for ((a, b), labels) in &g.edges {
        let label: Vec<&str> = labels.iter().map(String::as_str).collect();
        out.push_str(&format!("  {} -> {} [label=\"{}\"];\n", node_id(a), node_id(b), dot_escape(&label.join(" / "))));
    }
    out.push_str("}\n");
    out
}

/// Every file of the flow graph, by name below `docs/`.
pub fn files() -> BTreeMap<String, String> {
    let lang = Lang::Ru;
    let g = graph(lang);
    let mut out = BTreeMap::new();
    out.insert("flow.dot".to_owned(), dot(&g, lang));
    out.insert("flow.svg".to_owned(), crate::svg::svg(&g, lang));
    out
}
