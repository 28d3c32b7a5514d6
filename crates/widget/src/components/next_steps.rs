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
use crate::text::{t, tf, tr};
use diary_rules::eligibility::create_button::Condition;
use diary_rules::eligibility::questions::{birth_date_doubtful, decides_next, done_answer, questions, Question};
use diary_rules::eligibility::{
    self as elig, region, Actor, Assessment, LinkLabel, NoteId, Path, RegionArg, Situation, SituationError,
    SituationInput, Step, StepId, StepState,
};
use diary_rules::{texts, Lang};
use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

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
}

/// What the user asked to change («Изменить», «Назад»).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Edit {
    Birth,
    Question(Question),
}

/// The engine's input from the host's settings and the answers. The role
/// answers «who represents the child» (a guardian or not).
fn input(role: Role, region: &Option<RegionArg>, answers: &Answers, skip: Option<Question>) -> SituationInput {
    let mut input = SituationInput {
        role: Some(role.engine_id().to_owned()),
        birth_date: answers.birth_date.clone(),
        // An unknown region id from the host: the generic profile. A host's
        // own profile was validated by mount()/setRegion.
        region: match region {
            Some(RegionArg::Id(id)) if region::embedded(id).is_none() => None,
            other => other.clone(),
        },
        ..SituationInput::default()
    };
    for q in Question::ALL {
        if let Some(v) = answers.get(q).filter(|v| q.accepts(v) && Some(q) != skip && q != Question::Representative) {
            q.set(&mut input, Some(v.to_owned()));
        }
    }
    if role == Role::Guardian {
        Question::Representative.set(&mut input, Some("guardian".to_owned()));
    }
    input
}

fn error_text(e: &SituationError, lang: Lang) -> String {
    let id = format!("ui.next.error.{}", e.problem.id());
    if texts::entry(&id).is_some() {
        t(&id, lang)
    } else {
        t("ui.next.error.other", lang)
    }
}

/// The situation, or the error of the birth date; a bad answer to another
/// question (the check's time after now) is dropped and reported with it.
fn situation(
    role: Role,
    region: &Option<RegionArg>,
    answers: &Answers,
    clock: chrono::NaiveDateTime,
) -> Result<(Situation, Option<(Question, SituationError)>), SituationError> {
    match Situation::from_input(&input(role, region, answers, None), clock) {
        Ok(s) => Ok((s, None)),
        Err(e) if e.field == "checkRequestedAt" => {
            let q = Question::CheckRequestedAt;
            let s = Situation::from_input(&input(role, region, answers, Some(q)), clock)?;
            Ok((s, Some((q, e))))
        }
        Err(e) => Err(e),
    }
}

/// The questions shown for this situation: the rules' list less the one the
/// role answers (who represents the child).
fn asked(s: &Situation) -> Vec<Question> {
    questions(s).into_iter().filter(|q| *q != Question::Representative).collect()
}

/// What the guide shows now.
enum Stage {
    Birth(Option<String>),
    Confirm(u32),
    Ask(Question, Option<String>),
    Plan(Box<Assessment>),
}

#[function_component(NextSteps)]
pub fn next_steps(props: &NextStepsProps) -> Html {
    let lang = props.lang;
    let editing = use_state(|| None::<Edit>);
    let heading = use_node_ref();
    // The browser's Back within the question flow (see `Back`).
    let back = use_memo((), |_| Back { id: crate::history::new_id(), stack: Default::default() });
    // Set by the user's own actions: focus then moves to the new heading
    // (never on the first render, which may be a reload).
    let moved = use_mut_ref(|| false);
    let clock = clock::now();
    let result = match (&props.answers.birth_date, clock) {
        (Some(_), Some(clock)) => Some(situation(props.role, &props.region, &props.answers, clock)),
        _ => None,
    };
    let answers = &props.answers;
    let mut shown: Vec<Question> = Vec::new();
    let mut situation_now = None;
    let stage = match (&result, *editing) {
        (None, _) | (Some(Ok(_)), Some(Edit::Birth)) => Stage::Birth(None),
        (Some(Err(e)), _) => Stage::Birth(Some(error_text(e, lang))),
        (Some(Ok((s, bad))), edit) => {
            shown = asked(s);
            situation_now = Some(s.clone());
            let bad_q = bad.as_ref().map(|(q, e)| (*q, error_text(e, lang)));
            if birth_date_doubtful(s) && !answers.birth_checked {
                Stage::Confirm(s.age_years())
            } else if let Some((q, e)) = bad_q {
                Stage::Ask(q, Some(e))
            } else if let Some(Edit::Question(q)) = edit {
                Stage::Ask(q, None)
            } else if let Some(q) = clock.and_then(|clock| {
                // The next question that can still change the next step.
                let base = input(props.role, &props.region, answers, None);
                shown.iter().copied().find(|q| {
                    !q.is_special_case()
                        && answers.get(*q).is_none()
                        && !answers.is_unknown(*q)
                        && decides_next(&base, clock, *q)
                })
            }) {
                Stage::Ask(q, None)
            } else {
                Stage::Plan(Box::new(elig::assess(s)))
            }
        }
    };
    let key = match &stage {
        Stage::Birth(_) => "birth".to_owned(),
        Stage::Confirm(_) => "confirm".to_owned(),
        Stage::Ask(q, _) => format!("q:{}", q.id()),
        Stage::Plan(a) => format!("plan:{}", a.next.map(|s| s.id()).unwrap_or("")),
    };
    {
        let heading = heading.clone();
        let moved = moved.clone();
        use_effect_with(key, move |_| {
            if std::mem::take(&mut *moved.borrow_mut()) {
                if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
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
    let g = Guide {
        props,
        back: back.clone(),
        editing: editing.clone(),
        moved: moved.clone(),
        heading: heading.clone(),
        shown: &shown,
        situation: situation_now.as_ref(),
    };
    let (card, rest) = match &stage {
        Stage::Birth(error) => (g.birth_view(error.as_deref(), clock), html! {}),
        Stage::Confirm(age) => (g.confirm_view(*age), html! {}),
        Stage::Ask(q, error) => (g.ask_view(*q, error.as_deref(), clock), g.summary_view(Some(*q))),
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

/// The pieces of the guide, with what they share.
struct Guide<'a> {
    props: &'a NextStepsProps,
    back: std::rc::Rc<Back>,
    editing: UseStateHandle<Option<Edit>>,
    moved: std::rc::Rc<std::cell::RefCell<bool>>,
    heading: NodeRef,
    shown: &'a [Question],
    situation: Option<&'a Situation>,
}

impl Guide<'_> {
    fn lang(&self) -> Lang {
        self.props.lang
    }

    fn student(&self) -> bool {
        self.props.role.is_student()
    }

    /// Words for `id`, in the student's «ты» where the data has them.
    fn w(&self, id: &str) -> String {
        tr(id, self.student(), self.lang())
    }

    /// A callback that stores new answers, ends editing and moves focus.
    /// `from`: the question-flow stage this answer leaves (see [`forward`]);
    /// `None` for a tick on the plan.
    fn answer(&self, from: Option<Edit>, make: impl Fn(&Answers) -> Answers + 'static) -> Callback<MouseEvent> {
        let back = from.map(|from| (self.back.clone(), from));
        let answers = self.props.answers.clone();
        let on_change = self.props.on_change.clone();
        let editing = self.editing.clone();
        let moved = self.moved.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((back, from)) = &back {
                back.forward(*from);
            }
            *moved.borrow_mut() = true;
            editing.set(None);
            on_change.emit(make(&answers));
        })
    }

    /// One step forward in the question flow from `from`: the browser's
    /// Back then returns there.
    fn flow(&self, from: Edit) -> impl Fn() + 'static {
        let back = self.back.clone();
        move || back.forward(from)
    }

    fn edit(&self, to: Option<Edit>) -> Callback<MouseEvent> {
        let editing = self.editing.clone();
        let moved = self.moved.clone();
        Callback::from(move |_: MouseEvent| {
            *moved.borrow_mut() = true;
            editing.set(to);
        })
    }

    fn birth_view(&self, error: Option<&str>, clock: Option<chrono::NaiveDateTime>) -> Html {
        let lang = self.lang();
        let today = clock.map(|c| clock::iso_date(c.date())).unwrap_or_default();
        // The oldest birth date the rules accept, as the date input's minimum.
        let oldest = today
            .get(..4)
            .and_then(|y| y.parse::<u32>().ok())
            .and_then(|y| Some(format!("{:04}{}", y.checked_sub(diary_rules::age::MAX_AGE_YEARS)?, today.get(4..)?)))
            .unwrap_or_default();
        let onsubmit = {
            let answers = self.props.answers.clone();
            let on_change = self.props.on_change.clone();
            let editing = self.editing.clone();
            let moved = self.moved.clone();
            let flow = self.flow(Edit::Birth);
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let Some(value) = form_input(&e) else { return };
                if !value.is_empty() {
                    flow();
                }
                let mut next = answers.clone();
                if next.birth_date.as_deref() != Some(value.as_str()) {
                    next.birth_checked = false;
                }
                next.birth_date = (!value.is_empty()).then_some(value);
                *moved.borrow_mut() = true;
                editing.set(None);
                on_change.emit(next);
            })
        };
        let can_go_back = *self.editing == Some(Edit::Birth) && self.props.answers.birth_date.is_some();
        html! {
            <form class="dh-card dh-ask" {onsubmit} novalidate=true>
                <h3 class="dh-h3" tabindex="-1" ref={self.heading.clone()}>
                    <label for="dh-birth-date">{ self.w("ui.next.birth_date.label") }</label>
                </h3>
                <p id="dh-birth-date-hint" class="dh-hint">{ self.w("ui.next.birth_date.hint") }</p>
                <input id="dh-birth-date" type="date" max={today} min={oldest}
                    value={self.props.answers.birth_date.clone().unwrap_or_default()}
                    aria-describedby="dh-birth-date-hint dh-birth-date-error"
                    aria-invalid={if error.is_some() { "true" } else { "false" }} />
                <p id="dh-birth-date-error" class="dh-verdict dh-bad" role="status" aria-live="polite">
                    { error.unwrap_or_default() }
                </p>
                <div class="dh-buttons">
                    <button type="submit" id="dh-birth-next">{ t("ui.guide.continue", lang) }</button>
                    if can_go_back {
                        <button type="button" class="dh-secondary" id="dh-back" onclick={self.edit(None)}>
                            { t("ui.guide.back", lang) }
                        </button>
                    }
                </div>
            </form>
        }
    }

    fn confirm_view(&self, age: u32) -> Html {
        let lang = self.lang();
        html! {
            <section class="dh-card dh-ask" aria-labelledby="dh-confirm-title">
                <h3 id="dh-confirm-title" class="dh-h3" tabindex="-1" ref={self.heading.clone()}>
                    { t("ui.guide.confirm_birth.title", lang) }
                </h3>
                <p>{ tf("ui.guide.confirm_birth.text", lang, &[("age", age.to_string())]) }</p>
                <div class="dh-choices">
                    <button type="button" id="dh-birth-yes" onclick={self.answer(Some(Edit::Birth), |a| {
                        let mut next = a.clone();
                        next.birth_checked = true;
                        next
                    })}>{ t("ui.guide.confirm_birth.yes", lang) }</button>
                    <button type="button" class="dh-secondary" id="dh-birth-fix" onclick={self.edit(Some(Edit::Birth))}>
                        { t("ui.guide.confirm_birth.no", lang) }
                    </button>
                </div>
            </section>
        }
    }

    /// One question: its answers as buttons, «Не знаю», «Назад».
    fn ask_view(&self, q: Question, error: Option<&str>, clock: Option<chrono::NaiveDateTime>) -> Html {
        let lang = self.lang();
        let id = format!("dh-q-{}", q.id());
        let hint = texts::entry(&q.hint_text_id()).map(|_| self.w(&q.hint_text_id()));
        let current = self.props.answers.get(q).map(str::to_owned);
        let control = if q == Question::CheckRequestedAt {
            let now = clock.map(elig::format_local_date_time).unwrap_or_default();
            let onsubmit = {
                let answers = self.props.answers.clone();
                let on_change = self.props.on_change.clone();
                let editing = self.editing.clone();
                let moved = self.moved.clone();
                let flow = self.flow(Edit::Question(q));
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let Some(value) = form_input(&e) else { return };
                    flow();
                    *moved.borrow_mut() = true;
                    editing.set(None);
                    on_change.emit(answers.with(q, Some(value)));
                })
            };
            html! {
                <form {onsubmit} novalidate=true>
                    <label class="dh-sr" for={id.clone()}>{ self.w(&q.text_id()) }</label>
                    <input id={id.clone()} type="datetime-local" value={current.clone().unwrap_or_default()}
                        max={now}
                        aria-describedby={hint.as_ref().map(|_| format!("{id}-hint"))} />
                    <div class="dh-buttons">
                        <button type="submit" id="dh-q-next">{ t("ui.guide.continue", lang) }</button>
                    </div>
                </form>
            }
        } else {
            let choices = q.values().iter().map(|v| {
                let value: &'static str = v;
                let pressed = current.as_deref() == Some(value);
                html! {
                    <button type="button" id={format!("dh-a-{}-{value}", q.id())}
                        class={classes!("dh-choice", pressed.then_some("dh-choice-current"))}
                        aria-pressed={if pressed { "true" } else { "false" }}
                        onclick={self.answer(Some(Edit::Question(q)), move |a| a.with(q, Some(value.to_owned())))}>
                        { self.w(&q.value_text_id(value)) }
                    </button>
                }
            });
            html! { <div class="dh-choices" role="group" aria-labelledby={format!("{id}-title")}>{ for choices }</div> }
        };
        // «Назад»: the question before this one, or the birth date.
        let position = self.shown.iter().position(|x| *x == q);
        let back = match position {
            _ if q.is_special_case() => None,
            Some(0) | None => Some(Edit::Birth),
            Some(i) => self.shown.get(i - 1).copied().map(Edit::Question),
        };
        let editing_now = matches!(*self.editing, Some(Edit::Question(_)));
        html! {
            <section class="dh-card dh-ask" aria-labelledby={format!("{id}-title")}>
                <h3 id={format!("{id}-title")} class="dh-h3" tabindex="-1" ref={self.heading.clone()}>
                    { self.w(&q.text_id()) }
                </h3>
                if let Some(hint) = hint {
                    <p id={format!("{id}-hint")} class="dh-hint">{ hint }</p>
                }
                { control }
                if let Some(error) = error {
                    <p class="dh-verdict dh-bad" role="alert">{ error }</p>
                }
                <div class="dh-buttons">
                    <button type="button" class="dh-secondary" id="dh-a-unknown"
                        onclick={self.answer(Some(Edit::Question(q)), move |a| a.with_unknown(q))}>
                        { t("ui.q.unknown", lang) }
                    </button>
                    <button type="button" class="dh-secondary" id="dh-back"
                        onclick={self.edit(if editing_now && q.is_special_case() { None } else { back })}>
                        { t("ui.guide.back", lang) }
                    </button>
                </div>
            </section>
        }
    }

    /// The answers so far, each with «Изменить» («check your answers»).
    /// `upto`: the question being asked (rows stop before it).
    fn summary_view(&self, upto: Option<Question>) -> Html {
        let lang = self.lang();
        let answers = &self.props.answers;
        let Some(birth) = &answers.birth_date else { return html! {} };
        let row = |key: String, label: String, value: Html, edit: Edit| {
            html! {
                <div class="dh-answer" key={key.clone()}>
                    <dt>{ label.clone() }</dt>
                    <dd>
                        { value }
                        <button type="button" class="dh-change" id={format!("dh-change-{key}")} onclick={self.edit(Some(edit))}>
                            { t("ui.guide.change", lang) }<span class="dh-sr">{ ": " }{ label }</span>
                        </button>
                    </dd>
                </div>
            }
        };
        let mut rows = vec![row(
            "birth".into(),
            self.w("ui.next.birth_date.label"),
            html! { <span class="dh-value">{ display_date(birth) }</span> },
            Edit::Birth,
        )];
        for q in self.shown.iter().copied() {
            if Some(q) == upto && !q.is_special_case() {
                break;
            }
            if Some(q) == upto {
                continue;
            }
            let value = match answers.get(q) {
                Some(v) if q == Question::CheckRequestedAt => html! {
                    <span class="dh-value">{ elig::parse_local_date_time(v).map(clock::display).unwrap_or_default() }</span>
                },
                Some(v) => html! { <span class="dh-value">{ self.w(&q.value_text_id(v)) }</span> },
                None if q.is_special_case() => match q.values().first() {
                    Some(v) => html! { <span class="dh-value">{ self.w(&q.value_text_id(v)) }</span> },
                    None => html! {},
                },
                None if answers.is_unknown(q) => {
                    let hint = texts::entry(&q.hint_text_id()).map(|_| self.w(&q.hint_text_id()));
                    html! {
                        <>
                            <span class="dh-value">{ t("ui.q.unknown", lang) }</span>
                            if let Some(hint) = hint {
                                <span class="dh-hint dh-where">{ t("ui.guide.where", lang) }{ " " }{ hint }</span>
                            }
                        </>
                    }
                }
                None if upto.is_none() => {
                    html! { <span class="dh-value dh-hint">{ t("ui.guide.not_asked", lang) }</span> }
                }
                None => continue,
            };
            if upto.is_some() && q.is_special_case() {
                continue;
            }
            rows.push(row(q.id().to_owned(), self.w(&q.text_id()), value, Edit::Question(q)));
        }
        html! {
            <section class="dh-summary" aria-labelledby="dh-summary-title">
                <h3 id="dh-summary-title" class="dh-h3">{ self.w("ui.guide.summary") }</h3>
                <dl>{ for rows }</dl>
            </section>
        }
    }

    /// The next step first, then the whole plan, the answers, the region.
    fn plan_view(&self, a: &Assessment) -> (Html, Html) {
        let lang = self.lang();
        let Some(s) = self.situation else { return (html! {}, html! {}) };
        let current = a.next.and_then(|id| a.steps.iter().find(|st| st.id == id));
        let numbered: Vec<(usize, &Step)> = a.steps.iter().enumerate().map(|(i, st)| (i + 1, st)).collect();
        let card = match current {
            Some(step) => {
                let n = numbered.iter().find(|(_, st)| st.id == step.id).map(|(n, _)| *n).unwrap_or(1);
                html! {
                    <section class="dh-card dh-now" aria-labelledby="dh-now-title">
                        <p class="dh-badge dh-badge-next">
                            { tf("ui.guide.now", lang, &[("n", n.to_string()), ("total", a.steps.len().to_string())]) }
                        </p>
                        <h3 id="dh-now-title" class="dh-h3" tabindex="-1" ref={self.heading.clone()}>
                            { elig::fill(texts::text(&step.title_id, lang), &step.params) }
                        </h3>
                        { self.step_body(a, s, step) }
                    </section>
                }
            }
            None => html! {
                <section class="dh-card dh-now" aria-labelledby="dh-now-title">
                    <h3 id="dh-now-title" class="dh-h3" tabindex="-1" ref={self.heading.clone()}>
                        { self.w("ui.next.all_done") }
                    </h3>
                </section>
            },
        };
        let items = numbered.iter().map(|(n, st)| {
            let is_now = a.next == Some(st.id);
            let status = match st.state {
                StepState::Done => "done",
                StepState::Waiting => "waiting",
                _ if is_now => "now",
                _ => "later",
            };
            let title = elig::fill(texts::text(&st.title_id, lang), &st.params);
            html! {
                <li class={classes!("dh-step", state_class(st.state), is_now.then_some("dh-step-next"))}
                    data-step={st.id.id()} data-state={st.state.id()} data-status={status}
                    aria-current={is_now.then_some("step")}>
                    <details open={is_now}>
                        <summary>
                            <span class="dh-num">{ format!("{n}.") }</span>
                            { " " }<span class="dh-step-title">{ title }</span>
                            { " " }<span class={classes!("dh-status", format!("dh-status-{status}"))}>
                                { t(&format!("ui.plan.status.{status}"), lang) }
                            </span>
                        </summary>
                        { self.step_body(a, s, st) }
                    </details>
                </li>
            }
        });
        let drawer: Vec<NoteId> = a.notes.iter().copied().filter(|n| n.step_in(a).is_none()).collect();
        let plan_text = plan_text(a, lang, self.student());
        let rest = html! {
            <>
                <section class="dh-result" aria-labelledby="dh-steps-title">
                    <h3 id="dh-steps-title" class="dh-h3">{ t("ui.next.steps", lang) }</h3>
                    <p class="dh-path">{ self.w(&a.path.text_id()) }</p>
                    <ol class="dh-steps dh-plan">{ for items }</ol>
                    { plan_actions(lang, plan_text, self.student()) }
                </section>
                { self.summary_view(None) }
                { region_view(a, lang, self.student()) }
                if !drawer.is_empty() {
                    <details class="dh-notes">
                        <summary>{ self.w("ui.next.notes") }</summary>
                        <ul>{ for drawer.iter().map(|n| html! { <li>{ self.w(&n.text_id()) }</li> }) }</ul>
                    </details>
                }
            </>
        };
        (card, rest)
    }

    /// Practical notes inside a step, in the region's words.
    fn advice(&self, a: &Assessment, notes: &[NoteId]) -> Html {
        if notes.is_empty() {
            return html! {};
        }
        html! {
            <ul class="dh-advice">
                { for notes.iter().map(|n| html! { <li data-note={n.id()}>{ self.w(&n.text_id_in(&a.region)) }</li> }) }
            </ul>
        }
    }

    /// One step: who acts (addressed to the reader), how long, what to do,
    /// the practical notes and the «Создать» check that concern it, the
    /// link, and «Сделано».
    fn step_body(&self, a: &Assessment, s: &Situation, step: &Step) -> Html {
        let lang = self.lang();
        let text = elig::fill(texts::text(&step.text_id, lang), &step.params);
        let actor = self.w(&format!("ui.actor.{}", actor_key(step.actor)));
        let time_id = format!("ui.time.{}", step.id.id());
        let time = texts::entry(&time_id).map(|_| self.w(&time_id));
        let link = step.link.as_ref().map(|l| {
            let label = match &l.label {
                LinkLabel::TextId(id) => t(id, lang),
                LinkLabel::Literal(words) => words.clone(),
            };
            html! { <p class="dh-step-link">{ external(&l.href, &label, lang) }</p> }
        });
        // Practical notes: inside the first step of the plan they concern.
        // «скоро 14» before the step's own text, the rest after it.
        let (first, notes): (Vec<NoteId>, Vec<NoteId>) =
            a.notes.iter().copied().filter(|n| n.step_in(a) == Some(step.id)).partition(|n| n.comes_first());
        let tick = (step.state != StepState::Done).then(|| done_answer(step.id, s)).flatten().map(|(q, v)| {
            html! {
                <button type="button" class="dh-secondary dh-tick" onclick={self.answer(None, move |x| x.with(q, Some(v.to_owned())))}>
                    { "✓ " }{ t("ui.plan.tick", lang) }
                </button>
            }
        });
        let wait_here = a.check_estimate.is_some()
            && a.steps
                .iter()
                .find(|st| {
                    matches!(
                        st.id,
                        StepId::CheckOverdue | StepId::CertificateCheck | StepId::SnilsCheck | StepId::MfcDocuments
                    )
                })
                .map(|st| st.id)
                == Some(step.id);
        html! {
            <div class="dh-step-body">
                <p class="dh-step-meta">
                    <span class="dh-actor">{ t("ui.next.who", lang) }{ ": " }{ actor }</span>
                    if let Some(time) = time {
                        { " " }<span class="dh-time">{ t("ui.guide.time", lang) }{ ": " }{ time }</span>
                    }
                </p>
                { self.advice(a, &first) }
                <p class="dh-step-text">{ text }</p>
                if step.id == StepId::CreateChildAccount && a.path == Path::ParentCreatesAccount && step.state != StepState::Done {
                    { create_button_view(a, s, lang, self.student()) }
                }
                if wait_here {
                    { wait_view(a, lang, self.student()) }
                }
                { self.advice(a, &notes) }
                { for link }
                { for tick }
            </div>
        }
    }
}

/// The browser's Back within the question flow (see `history.rs`): the
/// guide's key in the history state, and the stage each answer left
/// (newest last; the length is the depth).
#[derive(PartialEq)]
struct Back {
    id: String,
    stack: std::cell::RefCell<Vec<Edit>>,
}

impl Back {
    /// Records one step forward from `from`: on the stack and as a history
    /// entry at the new depth.
    fn forward(&self, from: Edit) {
        let depth = {
            let mut stack = self.stack.borrow_mut();
            stack.push(from);
            stack.len()
        };
        crate::history::push(&self.id, depth);
    }
}

/// The value of the first `<input>` of the form that sent `e`.
fn form_input(e: &SubmitEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    let form = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    Some(form.query_selector("input").ok()??.dyn_into::<HtmlInputElement>().ok()?.value())
}

fn actor_key(actor: Actor) -> &'static str {
    actor.id()
}

/// `YYYY-MM-DD` as `DD.MM.YYYY`.
fn display_date(iso: &str) -> String {
    match (iso.get(0..4), iso.get(5..7), iso.get(8..10)) {
        (Some(y), Some(m), Some(d)) => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

fn state_class(state: StepState) -> &'static str {
    match state {
        StepState::Done => "dh-state-done",
        StepState::Todo => "dh-state-todo",
        StepState::Waiting => "dh-state-waiting",
        StepState::Blocked => "dh-state-blocked",
    }
}

/// «Создать»: each condition met (✓), missing (✗) or not known (?).
fn create_button_view(a: &Assessment, s: &Situation, lang: Lang, student: bool) -> Html {
    let Some(b) = &a.create_button else { return html! {} };
    let met = b.met();
    let rows = Condition::ALL.iter().map(|c| {
        let missing: Vec<String> =
            b.missing.iter().filter(|m| m.condition() == *c).map(|m| tr(&m.text_id(), student, lang)).collect();
        let unknown: Vec<String> =
            b.unknown.iter().filter(|u| u.condition() == *c).map(|u| tr(&u.text_id(), student, lang)).collect();
        let max = diary_rules::eligibility::create_button::max_age(s).to_string();
        let name = elig::fill(&tr(&format!("ui.create.cond.{}", c.id()), student, lang), &[("max", max)]);
        let (mark, class, state, more) = if met.contains(c) {
            ("✓", "dh-pass", "met", Vec::new())
        } else if !missing.is_empty() {
            ("✗", "dh-fail", "missing", missing)
        } else {
            ("?", "dh-unknown", "unknown", unknown)
        };
        html! {
            <li class={class} data-cond={c.id()} data-met={state}>
                <span class="dh-mark" aria-hidden="true">{ mark }</span>
                <span class="dh-sr">{ t(&format!("ui.create.{state}"), lang) }{ ": " }</span>
                { name }
                { for more.iter().map(|m| html! { <span class="dh-reason">{ m.clone() }</span> }) }
            </li>
        }
    });
    html! {
        <div class="dh-box dh-create">
            <h4>{ t("ui.next.create_button.heading", lang) }</h4>
            <p>{ t(if b.visible { "ui.next.create_button.visible" } else { "ui.next.create_button.missing" }, lang) }</p>
            <ul class="dh-checklist dh-conditions">{ for rows }</ul>
        </div>
    }
}

fn wait_view(a: &Assessment, lang: Lang, student: bool) -> Html {
    let Some(e) = &a.check_estimate else { return html! {} };
    let status = if e.finished {
        html! { <p class="dh-ok">{ t("ui.next.wait.finished", lang) }</p> }
    } else if e.overdue {
        html! { <p class="dh-bad dh-overdue">{ tr("ui.next.wait.overdue", student, lang) }</p> }
    } else {
        html! {}
    };
    let variants = e.variants.iter().map(|v| html! { <li>{ tr(v.id.text_id(), student, lang) }</li> });
    html! {
        <div class="dh-box dh-wait">
            <h4>{ t("ui.next.wait.heading", lang) }</h4>
            <p>{ tf("ui.next.wait.latest", lang, &[("latest", clock::display(e.latest))]) }</p>
            { status }
            <details>
                <summary>{ t("ui.next.wait.sources", lang) }</summary>
                <ul>{ for variants }</ul>
            </details>
        </div>
    }
}

fn region_view(a: &Assessment, lang: Lang, student: bool) -> Html {
    let r = &a.region;
    let name = match lang {
        Lang::Ru => r.name.ru.clone(),
        Lang::En => r.name.en.clone(),
    };
    let apps = r.apps.iter().map(|app| html! { <li>{ external(&app.href, &app.store, lang) }</li> });
    html! {
        <section class="dh-box dh-region" aria-labelledby="dh-region-title">
            <h4 id="dh-region-title">{ elig::fill(&tr("ui.next.region", student, lang), &[("name", name)]) }</h4>
            if let Some(site) = &r.diary_site {
                <p>{ t("ui.next.diary", lang) }{ ": " }{ external(&site.href, &site.label, lang) }</p>
            }
            if let Some(app) = &r.app_name {
                <p>{ tf("ui.next.app", lang, &[("app", app.clone())]) }</p>
                <ul class="dh-apps">{ for apps }</ul>
            }
            <p>
                { tr(r.problems.text_id(), student, lang) }
                if let Some(l) = &r.problems_link {
                    { " " }{ external(&l.href, &l.label, lang) }
                }
            </p>
        </section>
    }
}

/// The plan as plain text (to copy or share): numbered steps with status,
/// who acts, what to do and the link written out.
fn plan_text(a: &Assessment, lang: Lang, student: bool) -> String {
    let mut out = t("ui.plan.text_title", lang);
    out.push('\n');
    for (i, st) in a.steps.iter().enumerate() {
        let status = match st.state {
            StepState::Done => "done",
            StepState::Waiting => "waiting",
            _ if a.next == Some(st.id) => "now",
            _ => "later",
        };
        out.push_str(&format!(
            "\n{}. {} ({})\n{}: {}\n{}\n",
            i + 1,
            elig::fill(texts::text(&st.title_id, lang), &st.params),
            t(&format!("ui.plan.status.{status}"), lang),
            t("ui.next.who", lang),
            tr(&format!("ui.actor.{}", st.actor.id()), student, lang),
            elig::fill(texts::text(&st.text_id, lang), &st.params),
        ));
        if let Some(l) = &st.link {
            out.push_str(&l.href);
            out.push('\n');
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub(crate) struct CopyProps {
    pub lang: Lang,
    /// The plain text to copy.
    pub text: String,
    pub id: &'static str,
    pub label: &'static str,
    pub done: &'static str,
    pub class: &'static str,
    /// The reader is the student: the status line in «ты».
    #[prop_or_default]
    pub student: bool,
    /// More buttons in the same row.
    #[prop_or_default]
    pub children: Html,
}

/// A copy button (`navigator.clipboard.writeText`) with its status line and
/// any other buttons of the row: the plan's actions and the «Дневник не
/// найден» message share it.
#[function_component(CopyRow)]
pub(crate) fn copy_row(props: &CopyProps) -> Html {
    let lang = props.lang;
    let status = use_state(String::new);
    let on_copy = {
        let text = props.text.clone();
        let status = status.clone();
        let done = props.done;
        let student = props.student;
        Callback::from(move |_: MouseEvent| {
            let done = tr(done, student, lang);
            let failed = tr("ui.plan.copy_failed", student, lang);
            let status = status.clone();
            match call_navigator("clipboard", "writeText", &JsValue::from_str(&text)) {
                Some(p) => wasm_bindgen_futures::spawn_local(async move {
                    let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                    status.set(if ok { done } else { failed });
                }),
                None => status.set(failed),
            }
        })
    };
    html! {
        <div class={props.class}>
            <div class="dh-buttons">
                <button type="button" class="dh-secondary" id={props.id} onclick={on_copy}>{ t(props.label, lang) }</button>
                { props.children.clone() }
            </div>
            <p class="dh-verdict" role="status" aria-live="polite">{ (*status).clone() }</p>
        </div>
    }
}

/// «Скопировать план», «Распечатать план», «Отправить план» (where the
/// browser has a share sheet). Nothing leaves the device but by the user's
/// action.
fn plan_actions(lang: Lang, text: String, student: bool) -> Html {
    let on_print = Callback::from(|e: MouseEvent| {
        use wasm_bindgen::JsCast;
        // Every step printed open, not only the current one.
        let panel = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".dh-panel").ok().flatten());
        if let Some(panel) = panel {
            while let Ok(Some(d)) = panel.query_selector(".dh-plan details:not([open])") {
                let _ = d.set_attribute("open", "");
            }
        }
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let share = has_share().then(|| {
        let text = text.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &JsValue::from_str("text"), &JsValue::from_str(&text));
            if let Some(p) = call_navigator("", "share", &data) {
                wasm_bindgen_futures::spawn_local(async move {
                    // A cancelled share sheet is not an error.
                    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
                });
            }
        });
        html! { <button type="button" class="dh-secondary" id="dh-plan-share" {onclick}>{ t("ui.plan.share", lang) }</button> }
    });
    html! {
        <CopyRow {lang} {text} {student} id="dh-plan-copy" label="ui.plan.copy" done="ui.plan.copied" class="dh-plan-actions">
            <button type="button" class="dh-secondary" id="dh-plan-print" onclick={on_print}>{ t("ui.plan.print", lang) }</button>
            { for share }
        </CopyRow>
    }
}

fn navigator() -> Option<JsValue> {
    js_sys::Reflect::get(&JsValue::from(web_sys::window()?), &JsValue::from_str("navigator")).ok()
}

fn has_share() -> bool {
    navigator()
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("share")).ok())
        .is_some_and(|f| f.is_function())
}

/// `navigator[object][method](arg)` (or `navigator[method](arg)` when
/// `object` is empty), if the browser has it; the promise it returns.
pub(crate) fn call_navigator(object: &str, method: &str, arg: &JsValue) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let nav = navigator()?;
    let this = if object.is_empty() { nav } else { js_sys::Reflect::get(&nav, &JsValue::from_str(object)).ok()? };
    if this.is_undefined() || this.is_null() {
        return None;
    }
    let f = js_sys::Reflect::get(&this, &JsValue::from_str(method)).ok()?.dyn_into::<js_sys::Function>().ok()?;
    f.call1(&this, arg).ok()?.dyn_into::<js_sys::Promise>().ok()
}
