//! "Check data": the СНИЛС (with "did you mean" numbers), the birth
//! certificate, and the diary-versus-Gosuslugi comparison with what to ask
//! the school to fix. Verdicts come from `diary_rules::{snils, certificate,
//! records}`. Nothing typed here is remembered.

use super::form::{on_click, on_enter, NO_FORM};
use crate::text::{tfr, tr};
use diary_rules::certificate::check_birth_certificate;
use diary_rules::records::{compare_records, Difference, PersonRecord, RecordField};
use diary_rules::{snils, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckDataProps {
    pub lang: Lang,
    /// The reader is the student: the «ты» variants where the data has them.
    #[prop_or_default]
    pub student: bool,
}

#[function_component(CheckData)]
pub fn check_data(props: &CheckDataProps) -> Html {
    let (lang, student) = (props.lang, props.student);
    html! {
        <div class="dh-check-data">
            <SnilsField {lang} {student} />
            <CertificateField {lang} {student} />
            <RecordsCompare {lang} {student} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub lang: Lang,
    pub student: bool,
}

fn text_input_callback(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| state.set(e.target_unchecked_into::<HtmlInputElement>().value()))
}

#[function_component(SnilsField)]
pub fn snils_field(props: &FieldProps) -> Html {
    let (lang, student) = (props.lang, props.student);
    let t = |id: &str, lang: Lang| tr(id, student, lang);
    let value = use_state(String::new);
    let oninput = text_input_callback(&value);
    let verdict = (!value.trim().is_empty()).then(|| snils::check_snils(&value));
    let (class, message) = match &verdict {
        None => ("dh-verdict", String::new()),
        Some(v) if v.is_valid() => ("dh-verdict dh-ok", t("snils.valid", lang)),
        Some(v) => ("dh-verdict dh-bad", v.problem().map(|p| t(p.text_id(), lang)).unwrap_or_default()),
    };
    let suggestions = match &verdict {
        Some(v) if v.problem() == Some(snils::SnilsProblem::Checksum) => snils::suggest_snils(&value),
        _ => Vec::new(),
    };
    html! {
        <div class="dh-field">
            <label for="dh-snils">{ t("ui.snils.label", lang) }</label>
            <input id="dh-snils" form={NO_FORM} type="text" inputmode="numeric" autocomplete="off"
                spellcheck="false" placeholder={t("ui.snils.placeholder", lang)} value={(*value).clone()} {oninput}
                aria-describedby="dh-snils-verdict" />
            <p id="dh-snils-verdict" class={class} role="status" aria-live="polite">{ message }</p>
            if !suggestions.is_empty() {
                <div class="dh-suggestions" id="dh-snils-suggestions">
                    <p>{ t("snils.suggestions", lang) }</p>
                    <ul class="dh-mono">{ for suggestions.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                </div>
            }
        </div>
    }
}

#[function_component(CertificateField)]
pub fn certificate_field(props: &FieldProps) -> Html {
    let (lang, student) = (props.lang, props.student);
    let t = |id: &str, lang: Lang| tr(id, student, lang);
    let tf = |id: &str, lang: Lang, params: &[(&str, String)]| tfr(id, student, lang, params);
    let value = use_state(String::new);
    let oninput = text_input_callback(&value);
    let check = (!value.trim().is_empty()).then(|| check_birth_certificate(&value));
    let verdict = match &check {
        None => html! {},
        Some(c) if c.is_valid() => html! {
            <span class="dh-ok">{ tf("ui.cert.valid", lang, &[("normalized", c.normalized.clone().unwrap_or_default())]) }</span>
        },
        Some(c) => html! {
            <>
                <ul class="dh-bad dh-problems">
                    { for c.problems.iter().map(|p| html! { <li>{ t(p.text_id(), lang) }</li> }) }
                </ul>
                if let Some(n) = &c.normalized {
                    <span class="dh-fix">{ tf("ui.cert.normalized", lang, &[("normalized", n.clone())]) }</span>
                }
            </>
        },
    };
    html! {
        <div class="dh-field">
            <label for="dh-cert">{ t("ui.cert.label", lang) }</label>
            <input id="dh-cert" form={NO_FORM} type="text" autocomplete="off" spellcheck="false" placeholder={t("ui.cert.placeholder", lang)}
                value={(*value).clone()} {oninput} aria-describedby="dh-cert-verdict" />
            <div id="dh-cert-verdict" class="dh-verdict" role="status" aria-live="polite">{ verdict }</div>
        </div>
    }
}

/// The compared fields, in form order (`RecordField::ALL`); each one's
/// label is the text `ui.records.field.<id>`.
const FIELDS: &[RecordField] = &RecordField::ALL;

fn label_id(field: RecordField) -> String {
    format!("ui.records.field.{}", field.id())
}

/// The form's values (diary fields first, then Gosuslugi's, each in
/// `FIELDS` order) and the last comparison: a typed change drops it.
#[derive(Clone, PartialEq)]
struct Records {
    values: Vec<String>,
    result: Option<Vec<Difference>>,
}

impl Default for Records {
    fn default() -> Self {
        Records { values: vec![String::new(); 2 * FIELDS.len()], result: None }
    }
}

enum RecordsAction {
    /// The value at an index was typed.
    Input(usize, String),
    /// «Сравнить» was pressed.
    Compare,
}

impl Reducible for Records {
    type Action = RecordsAction;
    fn reduce(self: std::rc::Rc<Self>, action: RecordsAction) -> std::rc::Rc<Self> {
        let mut next = (*self).clone();
        match action {
            RecordsAction::Input(index, value) => {
                if let Some(v) = next.values.get_mut(index) {
                    *v = value;
                }
                next.result = None;
            }
            RecordsAction::Compare => {
                let (diary, gosuslugi) = next.values.split_at(FIELDS.len());
                next.result =
                    Some(compare_records(&PersonRecord::from_values(diary), &PersonRecord::from_values(gosuslugi)));
            }
        }
        std::rc::Rc::new(next)
    }
}

#[function_component(RecordsCompare)]
pub fn records_compare(props: &FieldProps) -> Html {
    let (lang, student) = (props.lang, props.student);
    let t = |id: &str, lang: Lang| tr(id, student, lang);
    let tf = |id: &str, lang: Lang, params: &[(&str, String)]| tfr(id, student, lang, params);
    // Diary fields 0..6, Gosuslugi fields 6..12.
    let state = use_reducer(Records::default);
    let on_compare = {
        let state = state.dispatcher();
        Callback::from(move |_: web_sys::Element| state.dispatch(RecordsAction::Compare))
    };
    let side = |offset: usize, side_id: &str, legend_id: &str| {
        let inputs = FIELDS.iter().enumerate().map(|(i, field)| {
            let index = offset + i;
            let id = format!("dh-rec-{side_id}-{}", field.id());
            let oninput = {
                let state = state.dispatcher();
                Callback::from(move |e: InputEvent| {
                    state.dispatch(RecordsAction::Input(index, e.target_unchecked_into::<HtmlInputElement>().value()));
                })
            };
            let placeholder = match field {
                RecordField::BirthDate => Some(t("ui.records.date_placeholder", lang)),
                RecordField::Snils => Some(t("ui.snils.placeholder", lang)),
                RecordField::Certificate => Some(t("ui.cert.placeholder", lang)),
                RecordField::LastName | RecordField::FirstName | RecordField::MiddleName => None,
            };
            html! {
                <div class="dh-field">
                    <label for={id.clone()}>{ t(&label_id(*field), lang) }</label>
                    <input id={id} form={NO_FORM} type="text" autocomplete="off" spellcheck="false" {placeholder}
                        value={state.values.get(index).cloned().unwrap_or_default()} {oninput} />
                </div>
            }
        });
        html! {
            <fieldset class="dh-record">
                <legend>{ t(legend_id, lang) }</legend>
                { for inputs }
            </fieldset>
        }
    };
    let differences = match &state.result {
        None => html! {},
        Some(list) if list.is_empty() => html! { <p class="dh-ok">{ t("ui.records.match", lang) }</p> },
        Some(list) => {
            let empty = t("ui.records.empty", lang);
            let shown = |v: &str| if v.is_empty() { empty.clone() } else { v.to_owned() };
            let items = list.iter().map(|d| {
                let label = t(&label_id(d.field), lang);
                html! {
                    <li>
                        <strong>{ label }</strong>
                        <p>{ tf("ui.records.values", lang, &[("diary", shown(&d.diary_value)), ("gosuslugi", shown(&d.gosuslugi_value))]) }</p>
                        <p>{ t(d.kind.hint_id(), lang) }</p>
                    </li>
                }
            });
            html! {
                <>
                    <p class="dh-bad">{ tf("ui.records.differences", lang, &[("count", list.len().to_string())]) }</p>
                    <ul class="dh-differences">{ for items }</ul>
                </>
            }
        }
    };
    html! {
        <section class="dh-box dh-records" aria-labelledby="dh-records-title">
            <h3 id="dh-records-title" class="dh-h3">{ t("ui.records.heading", lang) }</h3>
            <p class="dh-hint">{ t("ui.records.intro", lang) }</p>
            <div class="dh-form" onkeydown={on_enter(on_compare.clone())}>
                <div class="dh-records-grid">
                    { side(0, "diary", "ui.records.diary") }
                    { side(FIELDS.len(), "gosuslugi", "ui.records.gosuslugi") }
                </div>
                <button type="button" id="dh-rec-compare" onclick={on_click(on_compare)}>{ t("ui.records.compare", lang) }</button>
            </div>
            <div id="dh-rec-result" role="status" aria-live="polite">{ differences }</div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every compared field has its label: the ids are built from the
    /// closed set, so a new `RecordField` needs its `ui.records.field.<id>`.
    #[test]
    fn every_field_has_its_label() {
        for field in FIELDS {
            assert!(diary_rules::texts::entry(&label_id(*field)).is_some(), "{}", label_id(*field));
        }
    }

    #[test]
    fn typing_drops_the_comparison() {
        let state = std::rc::Rc::new(Records::default());
        let state = state.reduce(RecordsAction::Input(0, " Иванов ".into()));
        let state = state.reduce(RecordsAction::Input(FIELDS.len(), "Иванов".into()));
        let state = state.reduce(RecordsAction::Compare);
        assert_eq!(state.result.as_deref().map(<[Difference]>::len), Some(0));
        let state = state.reduce(RecordsAction::Input(FIELDS.len(), "Иванова".into()));
        assert_eq!(state.result, None);
    }
}
