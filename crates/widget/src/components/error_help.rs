//! "I see an error": pick a message from the catalog or paste its text →
//! what it means, who fixes it and the steps, from `diary_rules::explain`.
//! An error passed by the host opens here directly.

use super::form::NO_FORM;
use super::link::external;
use super::next_steps::{display_date, share_button, CopyRow};
use crate::clock;
use crate::state::Role;
use crate::text::{t, tr};
use diary_rules::age::{age_on, parse_iso_date, AgeGroup};
use diary_rules::eligibility::{RegionArg, RegionProfile};
use diary_rules::explain::{self, ExplainContext, Explanation, Outcome, Side};
use diary_rules::Lang;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Longest text explained: the API's input limit (1 MB). The matcher reads
/// a whole pasted page in one pass, so a message at its end is found.
const MAX_TEXT_BYTES: usize = 1 << 20;

#[derive(Properties, PartialEq)]
pub struct ErrorHelpProps {
    pub lang: Lang,
    pub role: Role,
    /// A built-in id or the host's own profile: a profile's contacts
    /// replace the built-in regions' (see `explain::operator_contact`).
    pub region: Option<RegionArg>,
    /// An error message passed by the host page.
    pub host_error: Option<String>,
    /// The page URL's `?error=` (the host opted in): it selects what to
    /// explain, and its words are never shown (anyone can write a link).
    #[prop_or_default]
    pub url_error: Option<String>,
    /// The student's birth date from the wizard, if told (for the age).
    pub birth_date: Option<String>,
    /// Opens «Проверить данные» (from the «Дневник не найден» kit).
    #[prop_or_default]
    pub on_check_data: Callback<()>,
}

/// What to explain.
#[derive(Clone, PartialEq)]
enum Query {
    /// A catalog entry picked from the list (or a related error).
    Id(String),
    /// Text the user pasted or the host passed.
    Text(String),
}

fn context(props: &ErrorHelpProps) -> ExplainContext {
    let age = props
        .birth_date
        .as_deref()
        .and_then(parse_iso_date)
        .zip(clock::today())
        .and_then(|(birth, today)| age_on(birth, today).ok())
        .map(AgeGroup::of);
    ExplainContext {
        role: Some(match props.role {
            Role::Parent | Role::Guardian => explain::Role::Parent,
            Role::Student => explain::Role::Student,
        }),
        age,
        region: crate::state::region_id(&props.region),
    }
}

/// What the URL's `?error=` selects: a catalog id as it is, or the entry
/// the rules recognise in it; `None` (the picker) otherwise. Never the text.
fn url_query(value: &str, props: &ErrorHelpProps) -> Option<Query> {
    let value = cut(value);
    if explain::list().any(|e| e.id == value) {
        return Some(Query::Id(value));
    }
    explain::explain(&value, &context(props)).map(|e| Query::Id(e.id.to_owned()))
}

fn cut(text: &str) -> String {
    let mut end = text.len().min(MAX_TEXT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default().to_owned()
}

#[function_component(ErrorHelp)]
pub fn error_help(props: &ErrorHelpProps) -> Html {
    let lang = props.lang;
    let query = use_state(|| match (&props.host_error, &props.url_error) {
        (Some(e), _) => Some(Query::Text(cut(e))),
        (None, Some(u)) => url_query(u, props),
        (None, None) => None,
    });
    let text = use_state(|| props.host_error.clone().unwrap_or_default());
    let picker = use_node_ref();
    let heading = use_node_ref();
    let focus_result = use_mut_ref(|| false);
    // A new error from the host (setError, the attribute) replaces the query.
    {
        let query = query.clone();
        let text = text.clone();
        use_effect_with(props.host_error.clone(), move |host| {
            if let Some(host) = host {
                if *query != Some(Query::Text(cut(host))) {
                    text.set(host.clone());
                    query.set(Some(Query::Text(cut(host))));
                }
            }
        });
    }
    // After the user asked for an explanation, move focus to it.
    {
        let heading = heading.clone();
        let picker = picker.clone();
        let focus_result = focus_result.clone();
        use_effect_with((*query).clone(), move |_| {
            if std::mem::take(&mut *focus_result.borrow_mut()) {
                let target = heading.cast::<web_sys::HtmlElement>().or_else(|| picker.cast::<web_sys::HtmlElement>());
                if let Some(el) = target {
                    let _ = el.focus();
                }
            }
        });
    }
    // After a pick from the list, bring the answer into view (focus stays
    // on the list, so arrow keys keep moving through it).
    let scroll_result = use_mut_ref(|| false);
    {
        let heading = heading.clone();
        let scroll_result = scroll_result.clone();
        use_effect_with((*query).clone(), move |_| {
            if std::mem::take(&mut *scroll_result.borrow_mut()) {
                if let Some(el) = heading.cast::<web_sys::Element>() {
                    el.scroll_into_view();
                }
            }
        });
    }
    let on_pick = {
        let query = query.clone();
        let scroll_result = scroll_result.clone();
        Callback::from(move |e: Event| {
            *scroll_result.borrow_mut() = true;
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            query.set((!id.is_empty()).then_some(Query::Id(id)));
        })
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_explain = {
        let query = query.clone();
        let text = text.clone();
        let focus_result = focus_result.clone();
        Callback::from(move |_: MouseEvent| {
            let value = text.trim();
            *focus_result.borrow_mut() = true;
            query.set((!value.is_empty()).then(|| Query::Text(cut(value))));
        })
    };
    let on_related = {
        let query = query.clone();
        let focus_result = focus_result.clone();
        Callback::from(move |id: String| {
            *focus_result.borrow_mut() = true;
            query.set(Some(Query::Id(id)));
        })
    };
    let to_list = {
        let picker = picker.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(el) = picker.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        })
    };
    let ctx = context(props);
    let picked = match &*query {
        Some(Query::Id(id)) => id.clone(),
        _ => String::new(),
    };
    let outcome = query.as_ref().map(|q| outcome(q, &ctx));
    let options = explain::list().map(|e| {
        html! { <option value={e.id} selected={picked == e.id}>{ t(e.title, lang) }</option> }
    });
    let profile = match &props.region {
        Some(RegionArg::Profile(p)) => Some(&**p),
        _ => None,
    };
    let student = ctx.role == Some(explain::Role::Student);
    let pasted = match &*query {
        Some(Query::Text(text)) => Some(text.trim().to_owned()),
        _ => None,
    };
    let result = match outcome {
        None => html! {},
        Some(Outcome { answer: Some(e), also, recognised, .. }) => {
            // Show which part of a longer text was recognised.
            let recognised = recognised.filter(|r| pasted.as_deref().is_some_and(|p| p != r.trim()));
            let explanation = explanation_view(
                &e,
                lang,
                profile,
                heading,
                on_related.clone(),
                props.on_check_data.clone(),
                props.birth_date.clone(),
            );
            html! {
                <>
                    if let Some(r) = recognised {
                        <p class="dh-recognised"><span class="dh-label">{ t("ui.error.recognised", lang) }{ ": " }</span>
                            <q lang="ru">{ r }</q></p>
                    }
                    { explanation }
                    if let Some(a) = also {
                        { also_view(&a, lang, on_related.clone()) }
                    }
                </>
            }
        }
        Some(unsure) => unsure_view(&unsure, lang, profile, student, &on_related, to_list),
    };
    html! {
        <div class="dh-error-help">
            <div class="dh-field">
                <label for="dh-error-pick">{ t("ui.error.pick.label", lang) }</label>
                <select id="dh-error-pick" ref={picker} onchange={on_pick} form={NO_FORM}>
                    <option value="" selected={picked.is_empty()}>{ t("ui.error.pick.none", lang) }</option>
                    { for options }
                </select>
            </div>
            <div class="dh-field">
                <label for="dh-error-text">{ t("ui.error.paste", lang) }</label>
                <textarea id="dh-error-text" rows="3" spellcheck="false" value={(*text).clone()} oninput={on_text}
                    form={NO_FORM} />
                <button type="button" id="dh-error-explain" onclick={on_explain}>{ t("ui.error.explain", lang) }</button>
            </div>
            { result }
        </div>
    }
}

/// What the rules say for a query: the picked entry, or what a text means.
fn outcome(query: &Query, ctx: &ExplainContext) -> Outcome {
    match query {
        Query::Id(id) => Outcome {
            answer: explain::explain_id(id, ctx),
            also: None,
            maybe: Vec::new(),
            side: None,
            contacts: Default::default(),
            recognised: None,
        },
        Query::Text(text) => explain::explain_text(text, ctx),
    }
}

/// A text the rules did not recognise: the way back to the list, the
/// nearest entries, and whom to ask (the side the text points to first).
fn unsure_view(
    o: &Outcome,
    lang: Lang,
    profile: Option<&RegionProfile>,
    student: bool,
    on_related: &Callback<String>,
    to_list: Callback<MouseEvent>,
) -> Html {
    let suggestions = o.maybe.iter().filter_map(|id| {
        let entry = explain::list().find(|x| x.id == *id)?;
        let id = (*id).to_owned();
        let onclick = on_related.reform(move |_: MouseEvent| id.clone());
        Some(html! { <li><button type="button" class="dh-secondary" {onclick}>{ t(entry.title, lang) }</button></li> })
    });
    // The diary side's contact: the host's own profile, else the region's school.
    let diary = match profile {
        Some(p) => Some(tr(p.problems.text_id(), student, lang)),
        None => o.contacts.diary.map(|c| tr(c, student, lang)),
    };
    let gosuslugi = o.contacts.gosuslugi.map(|c| tr(c, student, lang));
    let mut asks: Vec<(&str, &str, Option<String>)> =
        vec![("dh-ask-gosuslugi", "ui.error.ask_gosuslugi", gosuslugi), ("dh-ask-diary", "ui.error.ask_diary", diary)];
    if o.side == Some(Side::Diary) {
        asks.reverse();
    }
    let asks = asks.into_iter().filter_map(|(class, label, contact)| {
        let contact = contact?;
        Some(html! { <li class={class}><strong>{ t(label, lang) }{ ": " }</strong>{ contact }</li> })
    });
    html! {
        <div class="dh-box dh-unknown">
            <p role="alert">{ t("ui.error.not_recognised", lang) }</p>
            <button type="button" class="dh-secondary" onclick={to_list}>{ t("ui.error.to_list", lang) }</button>
            if !o.maybe.is_empty() {
                <h4>{ t("ui.error.maybe", lang) }</h4>
                <ul class="dh-maybe">{ for suggestions }</ul>
            }
            <h4>{ t("ui.error.contact", lang) }</h4>
            <ul class="dh-ask">{ for asks }</ul>
        </div>
    }
}

fn explanation_view(
    e: &Explanation,
    lang: Lang,
    profile: Option<&RegionProfile>,
    heading: NodeRef,
    on_related: Callback<String>,
    on_check_data: Callback<()>,
    birth_date: Option<String>,
) -> Html {
    let steps = e.steps.iter().map(|id| html! { <li>{ t(id, lang) }</li> });
    let student = e.role == Some(explain::Role::Student);
    // The host's own profile: its contact and link for the diary side.
    let operator = profile.and_then(|p| Some((explain::operator_contact(e, p)?, p.problems_link.as_ref())));
    let contact = match operator {
        Some((id, _)) => Some(tr(id, student, lang)),
        None => e.contact.map(|c| t(c, lang)),
    };
    let operator_link = operator.and_then(|(_, l)| l).map(|l| html! { <li>{ external(&l.href, &l.label, lang) }</li> });
    let links = e.links.iter().map(|l| html! { <li>{ external(l.url, &t(l.label, lang), lang) }</li> });
    let related = e.related.iter().filter_map(|id| {
        let entry = explain::list().find(|x| x.id == *id)?;
        let id = (*id).to_owned();
        let onclick = on_related.reform(move |_: MouseEvent| id.clone());
        Some(html! { <li><button type="button" class="dh-secondary" {onclick}>{ t(entry.title, lang) }</button></li> })
    });
    html! {
        <section class="dh-box dh-explanation" aria-labelledby="dh-explanation-title">
            <h3 id="dh-explanation-title" class="dh-h3" tabindex="-1" ref={heading}>{ t(e.title, lang) }</h3>
            <p class="dh-quote"><span class="dh-label">{ t("ui.error.message", lang) }{ ": " }</span>
                <q lang="ru">{ t(e.quote, Lang::Ru) }</q></p>
            <p>{ t(e.cause, lang) }</p>
            <p class="dh-who"><strong>{ t("ui.error.who", lang) }{ ": " }</strong>{ t(&format!("elig.actor.{}", e.actor.id()), lang) }</p>
            if e.id == "diary_not_found" {
                // The kit right under the cause, before the steps it serves.
                <Kit {lang} {student} adult={student && e.ages == [AgeGroup::Adult]} {birth_date} {on_check_data} />
            }
            <h4>{ t("ui.error.steps", lang) }</h4>
            <ol class="dh-explain-steps">{ for steps }</ol>
            if let Some(contact) = contact {
                <p class="dh-contact"><strong>{ t("ui.error.contact", lang) }{ ": " }</strong>{ contact }</p>
            }
            if !e.links.is_empty() || operator_link.is_some() {
                <ul class="dh-links">{ for operator_link }{ for links }</ul>
            }
            if !e.related.is_empty() {
                <h4>{ t("ui.error.related", lang) }</h4>
                <ul class="dh-related">{ for related }</ul>
            }
        </section>
    }
}

/// A second entry that fits the text nearly as well as the answer: its
/// title, cause and a way to open it.
fn also_view(e: &Explanation, lang: Lang, on_related: Callback<String>) -> Html {
    let id = e.id.to_owned();
    let onclick = on_related.reform(move |_: MouseEvent| id.clone());
    html! {
        <section class="dh-box dh-also" aria-labelledby="dh-also-title">
            <h4 id="dh-also-title">{ t("ui.error.also", lang) }</h4>
            <p><button type="button" class="dh-secondary" {onclick}>{ t(e.title, lang) }</button></p>
            <p>{ t(e.cause, lang) }</p>
        </section>
    }
}

/// The kit's slots: what the class teacher compares, in the message's
/// order (text ids `ui.kit.slot.<id>`).
const SLOTS: [&str; 5] = ["name", "birth", "snils", "certificate", "class"];

/// A slot left empty in the message.
const BLANK: &str = "______";

/// The message's line for one slot: `— <label>: <value>`.
fn slot_line(lang: Lang, slot: &str, value: &str) -> String {
    let value = value.trim();
    format!("— {}: {}", t(&format!("ui.kit.slot.{slot}"), lang), if value.is_empty() { BLANK } else { value })
}

/// The message to the class teacher with the slots filled in.
fn compose(lang: Lang, values: &[String]) -> String {
    let mut out = t("ui.kit.message.intro", lang);
    for (slot, value) in SLOTS.iter().zip(values) {
        out.push('\n');
        out.push_str(&slot_line(lang, slot, value));
    }
    out.push('\n');
    out.push_str(&t("ui.kit.message.end", lang));
    out
}

/// `text` with the line of `slot` rewritten to `value`: the person's own
/// edits of the message stay when a slot changes afterwards.
fn set_slot(text: &str, lang: Lang, slot: &str, value: &str) -> String {
    let prefix = format!("— {}:", t(&format!("ui.kit.slot.{slot}"), lang));
    text.split('\n')
        .map(|line| if line.starts_with(&prefix) { slot_line(lang, slot, value) } else { line.to_owned() })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the kit holds: the slots as typed and the message as the person
/// edited it (`None`: as composed from the slots). One state: a slot
/// typed after an edit rewrites its line in the edited message.
#[derive(Clone, PartialEq)]
struct KitText {
    values: Vec<String>,
    edited: Option<String>,
}

enum KitEdit {
    /// A slot's field changed (`lang`: the words of its line).
    Slot { index: usize, value: String, lang: Lang },
    /// The message itself was edited.
    Message(String),
}

impl Reducible for KitText {
    type Action = KitEdit;
    fn reduce(self: std::rc::Rc<Self>, action: KitEdit) -> std::rc::Rc<Self> {
        let mut next = (*self).clone();
        match action {
            KitEdit::Slot { index, value, lang } => {
                if let (Some(text), Some(slot)) = (&next.edited, SLOTS.get(index)) {
                    next.edited = Some(set_slot(text, lang, slot, &value));
                }
                if let Some(v) = next.values.get_mut(index) {
                    *v = value;
                }
            }
            KitEdit::Message(text) => next.edited = Some(text),
        }
        std::rc::Rc::new(next)
    }
}

#[derive(Properties, PartialEq)]
struct KitProps {
    lang: Lang,
    student: bool,
    /// An adult student reports through the feedback form (seed 003).
    adult: bool,
    /// The student's birth date from the wizard (`YYYY-MM-DD`), if told.
    birth_date: Option<String>,
    on_check_data: Callback<()>,
}

/// «Дневник не найден» kit, right under the cause: fields for what the
/// teacher compares (ФИО as in Gosuslugi, date of birth, СНИЛС, the
/// certificate), an editable message they fill in, «Скопировать»,
/// «Отправить» (the share sheet, where the browser has one) and the way
/// into «Проверить данные». What is typed lives only in this component's
/// state: never stored, never in the URL or history, never sent but by
/// the person's own copy or share.
#[function_component(Kit)]
fn kit(props: &KitProps) -> Html {
    let lang = props.lang;
    let student = props.student;
    let state = use_reducer(|| {
        let mut values = vec![String::new(); SLOTS.len()];
        if let Some(birth) = props.birth_date.as_deref().filter(|d| parse_iso_date(d).is_some()) {
            values[1] = display_date(birth);
        }
        KitText { values, edited: None }
    });
    let message = state.edited.clone().unwrap_or_else(|| compose(lang, &state.values));
    let fields = SLOTS.iter().enumerate().map(|(i, slot)| {
        let id = format!("dh-kit-{slot}");
        let oninput = {
            let state = state.dispatcher();
            Callback::from(move |e: InputEvent| {
                let value = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                state.dispatch(KitEdit::Slot { index: i, value, lang });
            })
        };
        let numeric = matches!(*slot, "birth" | "snils");
        let placeholder = (*slot == "birth").then(|| t("ui.date.format", lang));
        html! {
            <div class="dh-field">
                <label for={id.clone()}>{ t(&format!("ui.kit.slot.{slot}"), lang) }</label>
                <input {id} type="text" form={NO_FORM} autocomplete="off" spellcheck="false"
                    inputmode={numeric.then_some("numeric")} {placeholder}
                    value={state.values[i].clone()} {oninput} />
            </div>
        }
    });
    let on_message = {
        let state = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            state.dispatch(KitEdit::Message(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
        })
    };
    let hint = if props.adult { t("ui.kit.hint_adult_student", lang) } else { tr("ui.kit.hint", student, lang) };
    html! {
        <section class="dh-kit" aria-labelledby="dh-kit-title">
            <h4 id="dh-kit-title">{ t("ui.kit.title", lang) }</h4>
            <p class="dh-hint" id="dh-kit-hint">{ hint }</p>
            <p class="dh-hint" id="dh-kit-private">{ tr("ui.kit.private", student, lang) }</p>
            <div class="dh-kit-slots">{ for fields }</div>
            <label for="dh-kit-text">{ t("ui.kit.message_label", lang) }</label>
            <textarea id="dh-kit-text" form={NO_FORM} rows="9" spellcheck="false" autocomplete="off"
                aria-describedby="dh-kit-hint dh-kit-private" value={message.clone()} oninput={on_message} />
            <CopyRow {lang} text={message.clone()} {student} id="dh-kit-copy" label="ui.kit.copy" done="ui.kit.copied" class="dh-kit-actions">
                { for share_button(lang, message, "dh-kit-share", "ui.kit.share") }
                <button type="button" class="dh-secondary" id="dh-kit-check"
                    onclick={props.on_check_data.reform(|_: MouseEvent| ())}>{ t("ui.kit.check", lang) }</button>
            </CopyRow>
        </section>
    }
}
