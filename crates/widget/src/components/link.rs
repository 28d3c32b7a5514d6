//! A link to another site: opens in a new tab, tells screen readers so, and
//! passes no opener and no referrer (the login page's address stays private).

use crate::text::t;
use diary_rules::Lang;
use yew::prelude::*;

/// `<a href target="_blank" rel="noopener noreferrer">label (opens in a new tab)</a>`.
pub fn external(href: &str, label: &str, lang: Lang) -> Html {
    html! {
        <a class="dh-link" href={href.to_owned()} target="_blank" rel="noopener noreferrer">
            { label }<span class="dh-sr">{ " " }{ t("ui.link.new_tab", lang) }</span>
        </a>
    }
}
