//! A tiny document model: every guide page is built once as [`Block`]s and
//! written twice, as HTML ([`html`]) and as plain text ([`text`], the
//! outcome artefacts under `tests/outcomes/`), so the two forms cannot say
//! different things.

/// Words inside a paragraph or heading.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    /// A label before its value ("Кто:").
    Strong(String),
    /// A step's status after its title ("сейчас").
    Status(String),
    /// A link: the label is the link text, and the address is written out
    /// after it (visible on screen, in print and in the text form).
    Link {
        href: String,
        label: String,
    },
    /// A link inside the guide (relative file name); the text form gives the label only.
    Local {
        href: String,
        label: String,
        hreflang: Option<&'static str>,
    },
}

/// A block of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1–4 and an id for `aria-labelledby`.
    H(u8, Option<String>, Vec<Inline>),
    /// A paragraph with an optional class.
    P(Option<&'static str>, Vec<Inline>),
    /// A list: ordered or not, a class, and each item's blocks.
    List { ordered: bool, class: Option<&'static str>, items: Vec<Vec<Block>> },
    /// A landmark region labelled by its first heading (which must carry an id).
    Section(Vec<Block>),
    /// A framed box.
    Div(&'static str, Vec<Block>),
}

/// A paragraph of plain words.
pub fn p(text: impl Into<String>) -> Block {
    Block::P(None, vec![Inline::Text(text.into())])
}

pub fn h(level: u8, id: Option<&str>, text: impl Into<String>) -> Block {
    Block::H(level, id.map(str::to_owned), vec![Inline::Text(text.into())])
}

/// An unordered list of one paragraph per item.
pub fn ul(class: Option<&'static str>, items: impl IntoIterator<Item = String>) -> Block {
    Block::List { ordered: false, class, items: items.into_iter().map(|t| vec![p(t)]).collect() }
}

/// `s` with `&`, `<`, `>` and `"` escaped (text and attribute values).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

pub mod html {
    use super::*;

    pub fn inlines(out: &mut String, items: &[Inline]) {
        for i in items {
            match i {
                Inline::Text(t) => out.push_str(&escape(t)),
                Inline::Strong(t) => {
                    out.push_str("<strong>");
                    out.push_str(&escape(t));
                    out.push_str("</strong>");
                }
                Inline::Status(t) => {
                    out.push_str(" <span class=\"status\">(");
                    out.push_str(&escape(t));
                    out.push_str(")</span>");
                }
                Inline::Link { href, label } => {
                    let href = escape(href);
                    out.push_str(&format!(
                        "<a href=\"{href}\">{}</a> <span class=\"url\">{href}</span>",
                        escape(label)
                    ));
                }
                Inline::Local { href, label, hreflang } => {
                    let lang = hreflang.map(|l| format!(" hreflang=\"{l}\" lang=\"{l}\"")).unwrap_or_default();
                    out.push_str(&format!("<a href=\"{}\"{lang}>{}</a>", escape(href), escape(label)));
                }
            }
        }
    }

    fn class_attr(class: Option<&str>) -> String {
        class.map(|c| format!(" class=\"{c}\"")).unwrap_or_default()
    }

    pub fn blocks(out: &mut String, items: &[Block]) {
        for b in items {
            block(out, b);
        }
    }

    fn block(out: &mut String, b: &Block) {
        match b {
            Block::H(level, id, words) => {
                let id = id.as_ref().map(|id| format!(" id=\"{id}\"")).unwrap_or_default();
                out.push_str(&format!("<h{level}{id}>"));
                inlines(out, words);
                out.push_str(&format!("</h{level}>\n"));
            }
            Block::P(class, words) => {
                out.push_str(&format!("<p{}>", class_attr(*class)));
                inlines(out, words);
                out.push_str("</p>\n");
            }
            Block::List { ordered, class, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}{}>\n", class_attr(*class)));
                for item in items {
                    out.push_str("<li>");
                    match item.as_slice() {
                        [Block::P(None, words)] => inlines(out, words),
                        more => {
                            out.push('\n');
                            blocks(out, more);
                        }
                    }
                    out.push_str("</li>\n");
                }
                out.push_str(&format!("</{tag}>\n"));
            }
            Block::Section(inner) => {
                let label = match inner.first() {
                    Some(Block::H(_, Some(id), _)) => format!(" aria-labelledby=\"{id}\""),
                    _ => String::new(),
                };
                out.push_str(&format!("<section{label}>\n"));
                blocks(out, inner);
                out.push_str("</section>\n");
            }
            Block::Div(class, inner) => {
                out.push_str(&format!("<div class=\"{class}\">\n"));
                blocks(out, inner);
                out.push_str("</div>\n");
            }
        }
    }
}

pub mod text {
    use super::*;

    pub fn inlines(items: &[Inline]) -> String {
        let mut out = String::new();
        for i in items {
            match i {
                Inline::Text(t) | Inline::Strong(t) => out.push_str(t),
                Inline::Status(t) => out.push_str(&format!(" ({t})")),
                Inline::Link { href, label } => out.push_str(&format!("{label}: {href}")),
                Inline::Local { label, .. } => out.push_str(label),
            }
        }
        out
    }

    /// The blocks as text: headings underlined or marked by level, list
    /// items numbered or dashed and indented, one blank line between blocks.
    pub fn blocks(out: &mut String, items: &[Block], indent: usize) {
        for b in items {
            block(out, b, indent);
        }
    }

    fn line(out: &mut String, indent: usize, s: &str) {
        out.push_str(&" ".repeat(indent));
        out.push_str(s);
        out.push('\n');
    }

    fn block(out: &mut String, b: &Block, indent: usize) {
        match b {
            Block::H(level, _, words) => {
                let t = inlines(words);
                if !out.is_empty() {
                    out.push('\n');
                }
                match level {
                    1 => {
                        line(out, indent, &t);
                        line(out, indent, &"=".repeat(t.chars().count()));
                    }
                    2 => {
                        line(out, indent, &t);
                        line(out, indent, &"-".repeat(t.chars().count()));
                    }
                    _ => line(out, indent, &format!("{} {t}", "#".repeat(usize::from(*level)))),
                }
            }
            Block::P(_, words) => line(out, indent, &inlines(words)),
            Block::List { ordered, items, .. } => {
                for (i, item) in items.iter().enumerate() {
                    let mark = if *ordered { format!("{}. ", i + 1) } else { "- ".to_owned() };
                    let mut inner = String::new();
                    blocks(&mut inner, item, 0);
                    let mut first = true;
                    for l in inner.lines() {
                        if first {
                            line(out, indent, &format!("{mark}{l}"));
                            first = false;
                        } else if l.is_empty() {
                            out.push('\n');
                        } else {
                            line(out, indent + mark.chars().count(), l);
                        }
                    }
                }
            }
            Block::Section(inner) | Block::Div(_, inner) => blocks(out, inner, indent),
        }
    }
}
