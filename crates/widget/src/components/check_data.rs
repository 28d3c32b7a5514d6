//! "Check data": the СНИЛС with a live verdict (more document checks join it).

use crate::text::t;
use diary_rules::{snils, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckDataProps {
    pub lang: Lang,
}

#[function_component(CheckData)]
pub fn check_data(props: &CheckDataProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="dh-check-data">
            <SnilsField {lang} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SnilsFieldProps {
    pub lang: Lang,
}

#[function_component(SnilsField)]
pub fn snils_field(props: &SnilsFieldProps) -> Html {
    let lang = props.lang;
    let value = use_state(String::new);
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            value.set(input.value());
        })
    };
    let verdict = (!value.trim().is_empty()).then(|| snils::check_snils(&value));
    let (class, message) = match &verdict {
        None => ("dh-verdict", String::new()),
        Some(v) if v.is_valid() => ("dh-verdict dh-ok", t("snils.valid", lang)),
        Some(v) => ("dh-verdict dh-bad", v.problem().map(|p| t(p.text_id(), lang)).unwrap_or_default()),
    };
    html! {
        <div class="dh-field">
            <label for="dh-snils">{ t("ui.snils.label", lang) }</label>
            <input id="dh-snils" name="dh-snils" type="text" inputmode="numeric" autocomplete="off"
                spellcheck="false" placeholder="123-456-789 01" value={(*value).clone()} {oninput}
                aria-describedby="dh-snils-verdict" />
            <p id="dh-snils-verdict" class={class} role="status" aria-live="polite">{ message }</p>
        </div>
    }
}
