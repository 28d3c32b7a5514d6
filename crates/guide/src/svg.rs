//! A simple layered layout of the flow graph as SVG (no Graphviz): columns
//! by longest path from the starts, nodes in a column ordered by path and
//! then by the mean position of their predecessors, edges as curves with
//! their answers written near the source. Deterministic.

use crate::doc::escape;
use crate::flow::{node_id, node_label, Graph, Node};
use diary_rules::eligibility::Path;
use diary_rules::Lang;
use std::collections::{BTreeMap, BTreeSet};

const BOX_W: f64 = 230.0;
const GAP_X: f64 = 190.0;
const GAP_Y: f64 = 14.0;
const LINE_H: f64 = 14.0;
const CHARS: usize = 34;
const MARGIN: f64 = 20.0;

/// `s` broken into lines of at most [`CHARS`] characters, at spaces.
fn wrap(s: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in s.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > CHARS {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn path_index(n: &Node) -> usize {
    match n {
        Node::Start(_) => 0,
        Node::Ask(p, _) | Node::Outcome(p, _) => 1 + Path::ALL.iter().position(|x| x.id() == *p).unwrap_or(0),
    }
}

fn fill(n: &Node) -> &'static str {
    match n {
        Node::Start(_) => "#e8f0fb",
        Node::Ask(..) => "#ffffff",
        Node::Outcome(..) => "#eef7ee",
    }
}

pub fn svg(g: &Graph, lang: Lang) -> String {
    let nodes: BTreeSet<Node> = g.edges.keys().flat_map(|(a, b)| [a.clone(), b.clone()]).collect();
    // Longest path from the starts; at most |nodes| passes, so a cycle (a
    // path change that comes back) cannot loop: its back edge just points left.
    let mut rank: BTreeMap<Node, usize> = nodes.iter().map(|n| (n.clone(), 0)).collect();
    for _ in 0..nodes.len() {
        let mut changed = false;
        for (a, b) in g.edges.keys() {
            let ra = rank[a];
            if matches!(b, Node::Start(_)) || rank[b] > ra || ra + 1 >= nodes.len() {
                continue;
            }
            rank.insert(b.clone(), ra + 1);
            changed = true;
        }
        if !changed {
            break;
        }
    }
    let columns = rank.values().copied().max().unwrap_or(0) + 1;
    let mut y_of: BTreeMap<Node, f64> = BTreeMap::new();
    let mut boxes: Vec<(Node, f64, f64, Vec<String>)> = Vec::new();
    let mut height: f64 = 0.0;
    for col in 0..columns {
        let mut in_col: Vec<&Node> = nodes.iter().filter(|n| rank[*n] == col).collect();
        let bary = |n: &Node| {
            let ys: Vec<f64> =
                g.edges.keys().filter(|(_, b)| b == n).filter_map(|(a, _)| y_of.get(a).copied()).collect();
            if ys.is_empty() {
                0.0
            } else {
                ys.iter().sum::<f64>() / ys.len() as f64
            }
        };
        in_col.sort_by(|a, b| {
            (path_index(a), bary(a)).partial_cmp(&(path_index(b), bary(b))).unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut y = MARGIN;
        for n in in_col {
            let lines = wrap(&node_label(n, lang));
            let h = lines.len() as f64 * LINE_H + 10.0;
            let x = MARGIN + col as f64 * (BOX_W + GAP_X);
            y_of.insert(n.clone(), y + h / 2.0);
            boxes.push((n.clone(), x, y, lines));
            y += h + GAP_Y;
        }
        height = height.max(y);
    }
    let width = MARGIN * 2.0 + columns as f64 * BOX_W + (columns.saturating_sub(1)) as f64 * GAP_X;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {h:.0}\" width=\"{width:.0}\" height=\"{h:.0}\" \
         font-family=\"sans-serif\" font-size=\"11\" role=\"img\" aria-labelledby=\"flow-title\">\n\
         <title id=\"flow-title\">{title}</title>\n\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\">\
         <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#777\"/></marker></defs>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n",
        h = height + MARGIN,
        title = escape(&crate::plan::t("static.title", lang)),
    );
    let x_of = |n: &Node| MARGIN + rank[n] as f64 * (BOX_W + GAP_X);
    out.push_str("<g fill=\"none\" stroke=\"#999\" stroke-width=\"1\">\n");
    for (a, b) in g.edges.keys() {
        let (x1, y1, x2, y2) = (x_of(a) + BOX_W, y_of[a], x_of(b), y_of[b]);
        let c = ((x2 - x1).abs() / 2.0).max(60.0);
        out.push_str(&format!(
            "<path d=\"M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {x2:.1},{y2:.1}\" marker-end=\"url(#arrow)\"/>\n",
            x1 + c,
            x2 - c
        ));
    }
    out.push_str("</g>\n<g fill=\"#333\" font-size=\"9\">\n");
    for ((a, b), labels) in &g.edges {
        let (x1, y1, y2) = (x_of(a) + BOX_W, y_of[a], y_of[b]);
        let label: Vec<&str> = labels.iter().map(String::as_str).collect();
        let label = label.join(" / ");
        let short: String = label.chars().take(48).collect();
        let short = if short.len() < label.len() { format!("{short}…") } else { short };
        out.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\"><title>{}</title>{}</text>\n",
            x1 + 6.0,
            y1 + (y2 - y1) * 0.25 - 2.0,
            escape(&label),
            escape(&short)
        ));
    }
    out.push_str("</g>\n");
    for (n, x, y, lines) in &boxes {
        let h = lines.len() as f64 * LINE_H + 10.0;
        out.push_str(&format!(
            "<g id=\"{}\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{BOX_W}\" height=\"{h:.1}\" rx=\"6\" fill=\"{}\" stroke=\"#555\"/>",
            node_id(n),
            fill(n)
        ));
        for (i, l) in lines.iter().enumerate() {
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                x + 8.0,
                y + 5.0 + LINE_H * (i as f64 + 0.8),
                escape(l)
            ));
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}
