//! "What to do now": the wizard (birth date first, then only the questions
//! the rules crate says matter) and the answer: the steps with who acts and
//! where each stands, the next step, «Создать», the wait and the notes.
//! Every decision comes from `diary_rules::eligibility`.

use super::link::external;
use crate::clock;
use crate::state::{Answers, Role};
use crate::text::{t, tf};
use diary_rules::eligibility::questions::{questions, Question};
use diary_rules::eligibility::{
    self as elig, region, Assessment, LinkLabel, RegionArg, Situation, SituationError, SituationInput, StepState,
};
use diary_rules::{texts, Lang};
use web_sys::{HtmlInputElement, HtmlSelectElement};
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

/// The engine's input from the host's settings and the answers.
fn input(role: Role, region: &Option<RegionArg>, answers: &Answers, skip: Option<&str>) -> SituationInput {
    let mut input = SituationInput {
        role: Some(role.id().to_owned()),
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
        if let Some(v) = answers.get(q).filter(|v| q.accepts(v) && Some(q.id()) != skip) {
            q.set(&mut input, Some(v.to_owned()));
        }
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
            let s = Situation::from_input(&input(role, region, answers, Some(Question::CheckRequestedAt.id())), clock)?;
            Ok((s, Some((Question::CheckRequestedAt, e))))
        }
        Err(e) => Err(e),
    }
}

#[function_component(NextSteps)]
pub fn next_steps(props: &NextStepsProps) -> Html {
    let lang = props.lang;
    let clock = clock::now();
    let today = clock.map(|c| clock::iso_date(c.date())).unwrap_or_default();
    // The oldest birth date the rules accept, as the date input's minimum.
    let oldest = today
        .get(..4)
        .and_then(|y| y.parse::<u32>().ok())
        .and_then(|y| Some(format!("{:04}{}", y.checked_sub(diary_rules::age::MAX_AGE_YEARS)?, today.get(4..)?)))
        .unwrap_or_default();
    let on_birth = {
        let answers = props.answers.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = answers.clone();
            next.birth_date = (!value.is_empty()).then_some(value);
            on_change.emit(next);
        })
    };
    let result = match (&props.answers.birth_date, clock) {
        (Some(_), Some(clock)) => Some(situation(props.role, &props.region, &props.answers, clock)),
        _ => None,
    };
    let birth_error = match &result {
        Some(Err(e)) => Some(error_text(e, lang)),
        _ => None,
    };
    let body = match &result {
        Some(Ok((s, bad))) => {
            let asked = questions(s);
            let assessment = elig::assess(s);
            html! {
                <>
                    { questions_view(&asked, props, bad.as_ref(), &clock.map(elig::format_local_date_time).unwrap_or_default()) }
                    { assessment_view(&assessment, lang) }
                </>
            }
        }
        _ => html! {},
    };
    html! {
        <div class="dh-next">
            <div class="dh-field">
                <label for="dh-birth-date">{ t("ui.next.birth_date.label", lang) }</label>
                <p id="dh-birth-date-hint" class="dh-hint">{ t("ui.next.birth_date.hint", lang) }</p>
                <input id="dh-birth-date" type="date" max={today} min={oldest}
                    value={props.answers.birth_date.clone().unwrap_or_default()}
                    onchange={on_birth}
                    aria-describedby="dh-birth-date-hint dh-birth-date-error"
                    aria-invalid={if birth_error.is_some() { "true" } else { "false" }} />
                <p id="dh-birth-date-error" class="dh-verdict dh-bad" role="status" aria-live="polite">
                    { birth_error.unwrap_or_default() }
                </p>
            </div>
            { body }
            if props.remember {
                <div class="dh-remember">
                    <p class="dh-hint">{ t("ui.next.remembered", lang) }</p>
                    <button type="button" class="dh-secondary" id="dh-forget"
                        onclick={props.on_forget.reform(|_: MouseEvent| ())}>
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

/// One question as a labelled control.
fn question_view(q: Question, props: &NextStepsProps, error: Option<&String>, now: &str) -> Html {
    let lang = props.lang;
    let id = format!("dh-q-{}", q.id());
    // The question's words for who is at the page («ты» to a student).
    let reader = if props.role == Role::Student { elig::Role::Student } else { elig::Role::Parent };
    let hint_id = elig::reader_text_id(q.hint_text_id(), reader);
    let hint = texts::entry(&hint_id).map(|e| e.get(lang));
    let described = [hint.map(|_| format!("{id}-hint")), error.map(|_| format!("{id}-error"))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let current = props.answers.get(q).unwrap_or("").to_owned();
    let onchange = {
        let answers = props.answers.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let target: web_sys::EventTarget = match e.target() {
                Some(t) => t,
                None => return,
            };
            let value = match wasm_bindgen::JsCast::dyn_ref::<HtmlSelectElement>(&target) {
                Some(select) => select.value(),
                None => wasm_bindgen::JsCast::unchecked_ref::<HtmlInputElement>(&target).value(),
            };
            on_change.emit(answers.with(q, Some(value)));
        })
    };
    let control = if q == Question::CheckRequestedAt {
        html! {
            <input id={id.clone()} type="datetime-local" value={current} max={now.to_owned()} {onchange}
                aria-describedby={described.clone()} />
        }
    } else {
        let options = q.values().iter().map(|v| {
            html! { <option value={*v} selected={current == *v}>{ t(&elig::reader_text_id(q.value_text_id(v), reader), lang) }</option> }
        });
        html! {
            <select id={id.clone()} {onchange} aria-describedby={described.clone()}>
                <option value="" selected={current.is_empty()}>{ t("ui.q.unknown", lang) }</option>
                { for options }
            </select>
        }
    };
    html! {
        <div class="dh-field">
            <label for={id.clone()}>{ t(&elig::reader_text_id(q.text_id(), reader), lang) }</label>
            if let Some(hint) = hint {
                <p id={format!("{id}-hint")} class="dh-hint">{ hint }</p>
            }
            { control }
            if let Some(error) = error {
                <p id={format!("{id}-error")} class="dh-verdict dh-bad" role="alert">{ error }</p>
            }
        </div>
    }
}

fn questions_view(
    asked: &[Question],
    props: &NextStepsProps,
    bad: Option<&(Question, SituationError)>,
    now: &str,
) -> Html {
    let lang = props.lang;
    let error_for = |q: Question| bad.filter(|(b, _)| *b == q).map(|(_, e)| error_text(e, lang));
    let main = asked.iter().filter(|q| !q.is_special_case()).map(|q| {
        let error = error_for(*q);
        question_view(*q, props, error.as_ref(), now)
    });
    let special: Vec<Question> = asked.iter().copied().filter(|q| q.is_special_case()).collect();
    let special_answered = special.iter().any(|q| props.answers.get(*q).is_some());
    html! {
        <fieldset class="dh-questions">
            <legend>{ t("ui.next.questions.legend", lang) }</legend>
            <p class="dh-hint">{ t("ui.next.questions.hint", lang) }</p>
            { for main }
            if !special.is_empty() {
                <details class="dh-special" open={special_answered}>
                    <summary>{ t("ui.next.special", lang) }</summary>
                    { for special.iter().map(|q| question_view(*q, props, None, now)) }
                </details>
            }
        </fieldset>
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

fn assessment_view(a: &Assessment, lang: Lang) -> Html {
    let next_title = a
        .next
        .and_then(|id| a.steps.iter().find(|s| s.id == id))
        .map(|s| elig::fill(texts::text(&s.title_id, lang), &s.params));
    let announce = match &next_title {
        Some(title) => tf("ui.next.announce", lang, &[("title", title.clone())]),
        None => t("ui.next.all_done", lang),
    };
    let steps = a.steps.iter().map(|s| {
        let is_next = a.next == Some(s.id);
        let title = elig::fill(texts::text(&s.title_id, lang), &s.params);
        let text = elig::fill(texts::text(&s.text_id, lang), &s.params);
        let link = s.link.as_ref().map(|l| {
            let label = match &l.label {
                LinkLabel::TextId(id) => t(id, lang),
                LinkLabel::Literal(words) => words.clone(),
            };
            html! { <p class="dh-step-link">{ external(&l.href, &label, lang) }</p> }
        });
        html! {
            <li class={classes!("dh-step", state_class(s.state), is_next.then_some("dh-step-next"))}
                aria-current={is_next.then_some("step")}>
                if is_next {
                    <p class="dh-badge dh-badge-next">{ t("ui.next.next", lang) }</p>
                }
                <h4 class="dh-step-title">{ title }</h4>
                <p class="dh-step-meta">
                    <span class="dh-actor">{ t("ui.next.who", lang) }{ ": " }{ t(&format!("elig.actor.{}", s.actor.id()), lang) }</span>
                    { " " }
                    <span class={classes!("dh-state", state_class(s.state))}>
                        { t("ui.next.state", lang) }{ ": " }{ t(&format!("elig.state.{}", s.state.id()), lang) }
                    </span>
                </p>
                <p class="dh-step-text">{ text }</p>
                { for link }
            </li>
        }
    });
    html! {
        <section class="dh-result" aria-labelledby="dh-steps-title">
            <h3 id="dh-steps-title" class="dh-h3">{ t("ui.next.steps", lang) }</h3>
            <p class="dh-path">{ t(&a.path.text_id_for(a.role), lang) }</p>
            <p class="dh-announce" role="status" aria-live="polite">{ announce }</p>
            <ol class="dh-steps">{ for steps }</ol>
            { create_button_view(a, lang) }
            { wait_view(a, lang) }
            { region_view(a, lang) }
            { notes_view(a, lang) }
        </section>
    }
}

fn create_button_view(a: &Assessment, lang: Lang) -> Html {
    let Some(b) = &a.create_button else { return html! {} };
    let reasons = b
        .missing
        .iter()
        .map(|m| m.text_id_for(a.role))
        .chain(b.unknown.iter().map(|u| u.text_id_for(a.role)))
        .map(|id| html! { <li>{ t(&id, lang) }</li> });
    html! {
        <section class="dh-box dh-create" aria-labelledby="dh-create-title">
            <h4 id="dh-create-title">{ t("ui.next.create_button.heading", lang) }</h4>
            if b.visible {
                <p>{ t("ui.next.create_button.visible", lang) }</p>
            } else {
                <p>{ t("ui.next.create_button.missing", lang) }</p>
                <ul class="dh-reasons">{ for reasons }</ul>
            }
        </section>
    }
}

fn wait_view(a: &Assessment, lang: Lang) -> Html {
    let Some(e) = &a.check_estimate else { return html! {} };
    let support = a.steps.iter().find(|s| s.id == elig::StepId::CheckOverdue).and_then(|s| s.link.as_ref());
    let status = if e.finished {
        html! { <p class="dh-ok">{ t("ui.next.wait.finished", lang) }</p> }
    } else if e.overdue {
        html! {
            <p class="dh-bad dh-overdue" role="alert">
                { t("ui.next.wait.overdue", lang) }
                if let Some(l) = support {
                    { " " }{ external(&l.href, &t("elig.link.gosuslugi_support", lang), lang) }
                }
            </p>
        }
    } else {
        html! {}
    };
    let variants = e.variants.iter().map(|v| html! { <li>{ t(v.id.text_id(), lang) }</li> });
    html! {
        <section class="dh-box dh-wait" aria-labelledby="dh-wait-title">
            <h4 id="dh-wait-title">{ t("ui.next.wait.heading", lang) }</h4>
            <p>{ tf("ui.next.wait.latest", lang, &[("latest", clock::display(e.latest))]) }</p>
            { status }
            <details>
                <summary>{ t("ui.next.wait.sources", lang) }</summary>
                <ul>{ for variants }</ul>
            </details>
        </section>
    }
}

fn region_view(a: &Assessment, lang: Lang) -> Html {
    let r = &a.region;
    let name = match lang {
        Lang::Ru => r.name.ru.clone(),
        Lang::En => r.name.en.clone(),
    };
    let apps = r.apps.iter().map(|app| html! { <li>{ external(&app.href, &app.store, lang) }</li> });
    html! {
        <section class="dh-box dh-region" aria-labelledby="dh-region-title">
            <h4 id="dh-region-title">{ tf("ui.next.region", lang, &[("name", name)]) }</h4>
            if let Some(site) = &r.diary_site {
                <p>{ t("ui.next.diary", lang) }{ ": " }{ external(&site.href, &site.label, lang) }</p>
            }
            if let Some(app) = &r.app_name {
                <p>{ tf("ui.next.app", lang, &[("app", app.clone())]) }</p>
                <ul class="dh-apps">{ for apps }</ul>
            }
            <p>
                { t(&elig::reader_text_id(r.problems.text_id().to_owned(), a.role), lang) }
                if let Some(l) = &r.problems_link {
                    { " " }{ external(&l.href, &l.label, lang) }
                }
            </p>
        </section>
    }
}

fn notes_view(a: &Assessment, lang: Lang) -> Html {
    if a.notes.is_empty() {
        return html! {};
    }
    let notes = a.notes.iter().map(|n| html! { <li>{ t(&n.text_id_for(a.role), lang) }</li> });
    html! {
        <details class="dh-notes">
            <summary>{ t("ui.next.notes", lang) }</summary>
            <ul>{ for notes }</ul>
        </details>
    }
}
