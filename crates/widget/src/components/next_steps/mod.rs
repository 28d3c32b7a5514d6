//! "What to do now" as a guide: the birth date, then one question at a time
//! (only those the rules crate says change the answer; «Не знаю» moves on),
//! then the next step first and the whole plan as numbered steps with a
//! status each, the current one open. A summary of the answers with
//! «Изменить» for each; «Назад» goes to the previous question. A «Сделано»
//! tick on a step is the answer that makes it done. Every decision comes
//! from `diary_rules::eligibility`; every word from the data files.

use super::link::external;
use crate::clock;
use crate::state::{Answers, Role};
use crate::text::{t, tf, tfr, tr};
use diary_rules::eligibility::create_button::Condition;
use diary_rules::eligibility::questions::{done_answer, Question};
use diary_rules::eligibility::{
    self as elig, Actor, Assessment, LinkLabel, NoteId, Path, RegionArg, Situation, SituationError, Step, StepId,
    StepState,
};
use diary_rules::{texts, Lang};
use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

mod guide;
mod plan;
mod share;
mod stage;

use guide::*;
use plan::*;
use share::*;
pub(crate) use share::{clipboard_write, share_button, CopyRow};
use stage::{Choice, Edit, Stage};

#[derive(Properties, PartialEq)]
pub struct NextStepsProps {
    pub lang: Lang,
    pub role: Role,
    pub region: Option<RegionArg>,
    pub answers: Answers,
    pub on_change: Callback<Answers>,
    /// Whether answers are remembered (shows the «forget» button).
    pub remember: bool,
    pub on_forget: Callback<()>,
    /// Set right after the user asked to forget: says so once.
    pub forgotten: bool,
    /// Whether answers add browser history entries (the host's `history`).
    #[prop_or(true)]
    pub history: bool,
}

fn error_text(e: &SituationError, lang: Lang) -> String {
    let id = format!("ui.next.error.{}", e.problem.id());
    if texts::entry(&id).is_some() {
        t(&id, lang)
    } else {
        t("ui.next.error.other", lang)
    }
}

#[function_component(NextSteps)]
pub fn next_steps(props: &NextStepsProps) -> Html {
    let lang = props.lang;
    let editing = use_state(|| None::<Edit>);
    let heading = use_node_ref();
    // The browser's Back within the question flow (see `Back`).
    let enabled = props.history;
    let back = use_memo((), move |_| Back { id: crate::history::new_id(), stack: Default::default(), enabled });
    // Set by the user's own actions: focus then moves to the new heading
    // (never on the first render, which may be a reload).
    let moved = use_mut_ref(|| false);
    let clock = clock::now();
    let Choice { stage, shown, situation: situation_now } =
        stage::choose(props.role, &props.region, &props.answers, *editing, clock);
    let key = stage.key();
    {
        let heading = heading.clone();
        let moved = moved.clone();
        use_effect_with(key, move |_| {
            if std::mem::take(&mut *moved.borrow_mut()) {
                if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                    // Then the whole card into view where it fits (the
                    // next step's link and «Сделано» too, not only its heading).
                    if let Some(card) = el.parent_element() {
                        scroll_into_view_nearest(&card);
                    }
                }
            }
        });
    }
    {
        let back = back.clone();
        let editing = editing.clone();
        let moved = moved.clone();
        use_effect_with((), move |_| {
            use wasm_bindgen::{closure::Closure, JsCast};
            let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                let state = js_sys::Reflect::get(&e, &JsValue::from_str("state")).unwrap_or(JsValue::NULL);
                let target = crate::history::depth_in(&state, &back.id);
                let mut stack = back.stack.borrow_mut();
                let mut last = None;
                while stack.len() > target {
                    last = stack.pop();
                }
                if let Some(edit) = last {
                    *moved.borrow_mut() = true;
                    editing.set(Some(edit));
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    // A date typed into a text box (no picker) that could not be read: the
    // text stays in the field with the reason under it.
    let typed = use_state(|| None::<TypedDate>);
    let g = Guide {
        props,
        typed: typed.clone(),
        back: back.clone(),
        editing: editing.clone(),
        moved: moved.clone(),
        heading: heading.clone(),
        shown: &shown,
        situation: situation_now.as_ref(),
    };
    let error = |e: &Option<SituationError>| e.as_ref().map(|e| error_text(e, lang));
    let (card, rest) = match &stage {
        Stage::Birth(e) => (g.birth_view(error(e).as_deref(), clock), html! {}),
        Stage::Confirm(age) => (g.confirm_view(*age), html! {}),
        Stage::Ask(q, e) => (g.ask_view(*q, error(e).as_deref(), clock), g.summary_view(Some(*q))),
        Stage::Plan(a) => g.plan_view(a),
    };
    html! {
        <div class="dh-next">
            { card }
            { rest }
            if props.remember {
                <div class="dh-remember">
                    <p class="dh-hint">{ t("ui.next.remembered", lang) }</p>
                    <button type="button" class="dh-secondary" id="dh-forget"
                        onclick={{
                            let editing = editing.clone();
                            props.on_forget.reform(move |_: MouseEvent| editing.set(None))
                        }}>
                        { t("ui.next.forget", lang) }
                    </button>
                    <p class="dh-verdict" role="status" aria-live="polite">
                        { if props.forgotten { t("ui.next.forgotten", lang) } else { String::new() } }
                    </p>
                </div>
            }
        </div>
    }
}

/// The browser's Back within the question flow (see `history.rs`): the
/// guide's key in the history state, and the stage each answer left
/// (newest last; the length is the depth).
#[derive(PartialEq)]
struct Back {
    id: String,
    stack: std::cell::RefCell<Vec<Edit>>,
    /// The host's `history` option: off, no entry is ever added.
    enabled: bool,
}

impl Back {
    /// Records one step forward from `from`: on the stack and as a history
    /// entry at the new depth.
    fn forward(&self, from: Edit) {
        if !self.enabled {
            return;
        }
        let depth = {
            let mut stack = self.stack.borrow_mut();
            stack.push(from);
            stack.len()
        };
        crate::history::push(&self.id, depth);
    }
}

/// A typed date the rules could not read: which field, the text as typed,
/// and why.
#[derive(Debug, Clone, PartialEq)]
struct TypedDate {
    field: Edit,
    text: String,
    error: diary_rules::age::DateInputError,
}

/// Whether this browser has a picker for `<input type=kind>`: where it has
/// none (WPE WebKit 2.38, older Safari for datetime-local), the field is a
/// plain text box whose value the browser does not check, so the panel shows
/// the format (`ДД.ММ.ГГГГ`) and reads what is typed itself.
fn has_picker(kind: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("input").ok())
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    else {
        return true;
    };
    input.set_type(kind);
    input.type_() == kind
}

/// `el.scrollIntoView({ block: "nearest" })`: the least scrolling that shows
/// the element (its top first when it is taller than the viewport).
fn scroll_into_view_nearest(el: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &JsValue::from_str("block"), &JsValue::from_str("nearest"));
    if let Ok(f) = js_sys::Reflect::get(el, &JsValue::from_str("scrollIntoView")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(el, &options);
        }
    }
}

/// `YYYY-MM-DDTHH:MM` as `DD.MM.YYYY HH:MM` (anything else as it is).
fn display_date_time(iso: &str) -> String {
    match iso.split_once('T') {
        Some((d, t)) if diary_rules::age::parse_iso_date(d).is_some() => format!("{} {t}", display_date(d)),
        _ => iso.to_owned(),
    }
}

fn date_error_text(e: diary_rules::age::DateInputError, lang: Lang) -> String {
    t(&format!("ui.next.error.{}", e.id()), lang)
}

fn actor_key(actor: Actor) -> &'static str {
    actor.id()
}

/// `YYYY-MM-DD` as `DD.MM.YYYY` (read as a date; anything else as it is).
pub(crate) fn display_date(iso: &str) -> String {
    use chrono::Datelike;
    match diary_rules::age::parse_iso_date(iso) {
        Some(d) => format!("{:02}.{:02}.{}", d.day(), d.month(), d.year()),
        None => iso.to_owned(),
    }
}
