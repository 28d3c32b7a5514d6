//! The panel's root.

use super::snils_field::SnilsField;
use crate::text::t;
use diary_rules::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    #[prop_or_default]
    pub lang: Lang,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = props.lang;
    let title = t("ui.panel.title", lang);
    let intro = t("ui.panel.intro", lang);
    html! {
        <section class="dh-panel" lang={lang.code()} aria-labelledby="dh-title">
            <h2 id="dh-title" class="dh-title">{ title }</h2>
            <p class="dh-intro">{ intro }</p>
            <SnilsField {lang} />
        </section>
    }
}
