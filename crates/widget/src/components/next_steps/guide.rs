//! The guide's pieces: the birth date, one question at a time, the summary
//! with «Изменить», the plan with the current step open.

use super::*;
use crate::components::form::{first_input, on_click, on_enter, NO_FORM};

/// The pieces of the guide, with what they share.
pub(super) struct Guide<'a> {
    pub(super) props: &'a NextStepsProps,
    pub(super) typed: UseStateHandle<Option<TypedDate>>,
    pub(super) back: std::rc::Rc<Back>,
    pub(super) editing: UseStateHandle<Option<Edit>>,
    pub(super) moved: std::rc::Rc<std::cell::RefCell<bool>>,
    pub(super) heading: NodeRef,
    pub(super) shown: &'a [Question],
    pub(super) situation: Option<&'a Situation>,
}

impl Guide<'_> {
    pub(super) fn lang(&self) -> Lang {
        self.props.lang
    }

    pub(super) fn student(&self) -> bool {
        self.props.role.is_student()
    }

    /// Words for `id`, in the student's «ты» where the data has them.
    pub(super) fn w(&self, id: &str) -> String {
        tr(id, self.student(), self.lang())
    }

    /// A callback that stores new answers, ends editing and moves focus.
    /// `from`: the question-flow stage this answer leaves (see [`forward`]);
    /// `None` for a tick on the plan.
    pub(super) fn answer(
        &self,
        from: Option<Edit>,
        make: impl Fn(&Answers) -> Answers + 'static,
    ) -> Callback<MouseEvent> {
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
    pub(super) fn flow(&self, from: Edit) -> impl Fn() + 'static {
        let back = self.back.clone();
        move || back.forward(from)
    }

    pub(super) fn edit(&self, to: Option<Edit>) -> Callback<MouseEvent> {
        let editing = self.editing.clone();
        let moved = self.moved.clone();
        Callback::from(move |_: MouseEvent| {
            *moved.borrow_mut() = true;
            editing.set(to);
        })
    }

    pub(super) fn birth_view(&self, error: Option<&str>, clock: Option<chrono::NaiveDateTime>) -> Html {
        let lang = self.lang();
        let today = clock.map(|c| clock::iso_date(c.date())).unwrap_or_default();
        // The oldest birth date the rules accept, as the date input's minimum.
        let oldest = today
            .get(..4)
            .and_then(|y| y.parse::<u32>().ok())
            .and_then(|y| Some(format!("{:04}{}", y.checked_sub(diary_rules::age::MAX_AGE_YEARS)?, today.get(4..)?)))
            .unwrap_or_default();
        let picker = has_picker("date");
        let onsubmit = {
            let answers = self.props.answers.clone();
            let on_change = self.props.on_change.clone();
            let editing = self.editing.clone();
            let moved = self.moved.clone();
            let typed = self.typed.clone();
            let flow = self.flow(Edit::Birth);
            Callback::from(move |form: web_sys::Element| {
                let Some(raw) = first_input(&form) else { return };
                // The picker's YYYY-MM-DD, or ДД.ММ.ГГГГ typed into a text box.
                let value = if raw.trim().is_empty() {
                    String::new()
                } else {
                    match diary_rules::age::parse_typed_date(&raw) {
                        Ok(d) => clock::iso_date(d),
                        Err(error) => {
                            typed.set(Some(TypedDate { field: Edit::Birth, text: raw, error }));
                            return;
                        }
                    }
                };
                typed.set(None);
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
        let on_remember = {
            let answers = self.props.answers.clone();
            let on_change = self.props.on_change.clone();
            Callback::from(move |e: Event| {
                let checked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                on_change.emit(Answers { remember_birth: checked, ..answers.clone() });
            })
        };
        let mine = (*self.typed).clone().filter(|t| t.field == Edit::Birth);
        let typed_error = mine.as_ref().map(|t| date_error_text(t.error, lang));
        let error = typed_error.as_deref().or(error);
        let stored = self.props.answers.birth_date.clone().unwrap_or_default();
        let value = match &mine {
            Some(t) => t.text.clone(),
            None if picker => stored,
            None => display_date(&stored),
        };
        let (kind, placeholder) = if picker { ("date", None) } else { ("text", Some(t("ui.date.format", lang))) };
        let can_go_back = *self.editing == Some(Edit::Birth) && self.props.answers.birth_date.is_some();
        html! {
            <div class="dh-card dh-ask dh-form" onkeydown={on_enter(onsubmit.clone())}>
                <h3 class="dh-h3" tabindex="-1" ref={self.heading.clone()}>
                    <label for="dh-birth-date">{ self.w("ui.next.birth_date.label") }</label>
                </h3>
                <p id="dh-birth-date-hint" class="dh-hint">
                    { self.w("ui.next.birth_date.hint") }
                    if !picker {
                        { " " }{ t("ui.date.format_hint", lang) }
                    }
                </p>
                <input id="dh-birth-date" type={kind} max={picker.then_some(today)} min={picker.then_some(oldest)}
                    {placeholder} {value} form={NO_FORM}
                    aria-describedby="dh-birth-date-hint dh-birth-date-error"
                    aria-invalid={if error.is_some() { "true" } else { "false" }} />
                <p id="dh-birth-date-error" class="dh-verdict dh-bad" role="status" aria-live="polite">
                    { error.unwrap_or_default() }
                </p>
                if self.props.remember {
                    <div class="dh-check">
                        <input id="dh-birth-remember" type="checkbox" form={NO_FORM}
                            checked={self.props.answers.remember_birth} onchange={on_remember}
                            aria-describedby="dh-birth-remember-hint" />
                        <label for="dh-birth-remember">{ t("ui.next.birth_date.remember", lang) }</label>
                        <p id="dh-birth-remember-hint" class="dh-hint">{ t("ui.next.birth_date.remember_hint", lang) }</p>
                    </div>
                }
                <div class="dh-buttons">
                    <button type="button" id="dh-birth-next" onclick={on_click(onsubmit)}>{ t("ui.guide.continue", lang) }</button>
                    if can_go_back {
                        <button type="button" class="dh-secondary" id="dh-back" onclick={self.edit(None)}>
                            { t("ui.guide.back", lang) }
                        </button>
                    }
                </div>
            </div>
        }
    }

    pub(super) fn confirm_view(&self, age: u32) -> Html {
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
    pub(super) fn ask_view(&self, q: Question, error: Option<&str>, clock: Option<chrono::NaiveDateTime>) -> Html {
        let lang = self.lang();
        let id = format!("dh-q-{}", q.id());
        let hint = texts::entry(&q.hint_text_id()).map(|_| self.w(&q.hint_text_id()));
        let current = self.props.answers.get(q).map(str::to_owned);
        let mut typed_error = None;
        let control = if q == Question::CheckRequestedAt {
            let now = clock.map(elig::format_local_date_time).unwrap_or_default();
            let picker = has_picker("datetime-local");
            let onsubmit = {
                let answers = self.props.answers.clone();
                let on_change = self.props.on_change.clone();
                let editing = self.editing.clone();
                let moved = self.moved.clone();
                let typed = self.typed.clone();
                let flow = self.flow(Edit::Question(q));
                Callback::from(move |form: web_sys::Element| {
                    let Some(raw) = first_input(&form) else { return };
                    // The picker's value, or ДД.ММ.ГГГГ ЧЧ:ММ typed into a text box.
                    let value = if raw.trim().is_empty() {
                        raw
                    } else {
                        match diary_rules::age::parse_typed_date_time(&raw) {
                            Ok(v) => v,
                            Err(error) => {
                                typed.set(Some(TypedDate { field: Edit::Question(q), text: raw, error }));
                                return;
                            }
                        }
                    };
                    typed.set(None);
                    flow();
                    *moved.borrow_mut() = true;
                    editing.set(None);
                    on_change.emit(answers.with(q, Some(value)));
                })
            };
            let mine = (*self.typed).clone().filter(|t| t.field == Edit::Question(q));
            typed_error = mine.as_ref().map(|t| date_error_text(t.error, lang));
            let stored = current.clone().unwrap_or_default();
            let value = match &mine {
                Some(t) => t.text.clone(),
                None if picker => stored,
                None => display_date_time(&stored),
            };
            let (kind, placeholder) =
                if picker { ("datetime-local", None) } else { ("text", Some(t("ui.date_time.format", lang))) };
            html! {
                <div class="dh-form" onkeydown={on_enter(onsubmit.clone())}>
                    <label class="dh-sr" for={id.clone()}>{ self.w(&q.text_id()) }</label>
                    if !picker {
                        <p id={format!("{id}-format")} class="dh-hint">{ t("ui.date_time.format_hint", lang) }</p>
                    }
                    <input id={id.clone()} type={kind} {value} {placeholder} form={NO_FORM}
                        max={picker.then_some(now)}
                        aria-describedby={match (&hint, picker) {
                            (Some(_), true) => Some(format!("{id}-hint")),
                            (Some(_), false) => Some(format!("{id}-hint {id}-format")),
                            (None, false) => Some(format!("{id}-format")),
                            (None, true) => None,
                        }} />
                    <div class="dh-buttons">
                        <button type="button" id="dh-q-next" onclick={on_click(onsubmit)}>{ t("ui.guide.continue", lang) }</button>
                    </div>
                </div>
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
            // The certificate's country in the first certificate question
            // (a foreign one changes the whole path), not only via «Изменить».
            let foreign = (q == Question::CertificateStatus
                && self.props.answers.get(Question::BirthCertificate).is_none())
            .then(|| {
                let b = Question::BirthCertificate;
                html! {
                    <button type="button" id="dh-a-certificate_status-foreign" class="dh-choice"
                        onclick={self.answer(Some(Edit::Question(q)), move |a| a.with(b, Some("foreign".to_owned())))}>
                        { self.w("ui.q.certificate_status.foreign") }
                    </button>
                }
            });
            html! { <div class="dh-choices" role="group" aria-labelledby={format!("{id}-title")}>{ for choices }{ for foreign }</div> }
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
                if let Some(error) = typed_error.as_deref().or(error) {
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
    pub(super) fn summary_view(&self, upto: Option<Question>) -> Html {
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
                // Not asked: what the rules assume, said as an assumption,
                // not listed as the person's answer.
                None if q.is_special_case() => match q.values().first() {
                    Some(v) => html! {
                        <span class="dh-value dh-hint">
                            { tfr("ui.guide.assumed", self.student(), lang, &[("value", self.w(&q.value_text_id(v)))]) }
                        </span>
                    },
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
    pub(super) fn plan_view(&self, a: &Assessment) -> (Html, Html) {
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
                            { texts::fill(texts::text(&step.title_id, lang), &step.params) }
                        </h3>
                        { self.step_body(a, s, step, true) }
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
            let status = a.plan_status(st);
            let title = texts::fill(texts::text(&st.title_id, lang), &st.params);
            html! {
                <li class={classes!("dh-step", state_class(st.state), is_now.then_some("dh-step-next"))}
                    data-step={st.id.id()} data-state={st.state.id()} data-status={status}
                    aria-current={is_now.then_some("step")}>
                    <details>
                        <summary>
                            <span class="dh-num">{ format!("{n}.") }</span>
                            { " " }<span class="dh-step-title">{ title }</span>
                            { " " }<span class={classes!("dh-status", format!("dh-status-{status}"))}>
                                { t(&format!("ui.plan.status.{status}"), lang) }
                            </span>
                        </summary>
                        { self.step_body(a, s, st, false) }
                    </details>
                </li>
            }
        });
        let drawer: Vec<NoteId> = a.notes.iter().copied().filter(|n| n.step_in(a).is_none()).collect();
        // A minor student's plan, worded for the parent who reads it.
        let for_parent = (self.student()
            && diary_rules::age::AgeGroup::of(s.age_years()) != diary_rules::age::AgeGroup::Adult)
            .then(|| {
                let mut sp = s.clone();
                sp.role = elig::Role::Parent;
                format!("{}\n\n{}", t("ui.plan.to_parent_intro", lang), plan_text(&elig::assess(&sp), &sp, lang, false))
            });
        let plan_text = plan_text(a, s, lang, self.student());
        let rest = html! {
            <>
                <section class="dh-result" aria-labelledby="dh-steps-title">
                    <h3 id="dh-steps-title" class="dh-h3">{ t("ui.next.steps", lang) }</h3>
                    <p class="dh-path">{ texts::text(&a.path.text_id_in(s), lang) }</p>
                    <ol class="dh-steps dh-plan">{ for items }</ol>
                    { plan_actions(lang, plan_text, self.student(), for_parent) }
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
    pub(super) fn advice(&self, a: &Assessment, notes: &[NoteId]) -> Html {
        if notes.is_empty() {
            return html! {};
        }
        html! {
            <ul class="dh-advice">
                { for notes.iter().map(|n| html! { <li data-note={n.id()}>{ self.w(&n.text_id_in(&a.region)) }</li> }) }
            </ul>
        }
    }

    /// What the sources say differently about a step: the disagreement
    /// notes, then the other way of an instruction (the auto-update
    /// checkbox's fallback). `None` when there is none.
    fn differ_list(&self, a: &Assessment, differ: &[NoteId], instructions: &[NoteId]) -> Option<Html> {
        let fallbacks: Vec<(NoteId, String)> =
            instructions.iter().filter_map(|n| n.fallback_text_id_in(&a.region).map(|id| (*n, id))).collect();
        if differ.is_empty() && fallbacks.is_empty() {
            return None;
        }
        Some(html! {
            <ul class="dh-advice">
                { for differ.iter().map(|n| html! { <li data-note={n.id()}>{ self.w(&n.text_id_in(&a.region)) }</li> }) }
                { for fallbacks.iter().map(|(n, id)| html! {
                    <li data-note={format!("{}_fallback", n.id())}>{ self.w(id) }</li>
                }) }
            </ul>
        })
    }

    /// One step: who acts (addressed to the reader), how long, what to do,
    /// the practical notes and the «Создать» check that concern it, the
    /// link, and «Сделано»; what the sources say differently comes last,
    /// under «Если в разных инструкциях написано по-разному», so the step
    /// holds one instruction.
    /// In the «Сейчас» card (`now`) the «Создать» conditions (with what to
    /// do when the button is missing all the same), the sources'
    /// disagreements and the other notes fold away under their own
    /// summaries, so the heading, who, how long, what to do, the link and
    /// «Сделано» fit a phone's screen. In the plan, where the step itself
    /// is a fold, nothing inside it folds again.
    pub(super) fn step_body(&self, a: &Assessment, s: &Situation, step: &Step, now: bool) -> Html {
        let lang = self.lang();
        let text = texts::fill(texts::text(&step.text_id, lang), &step.params);
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
        let (differ, rest): (Vec<NoteId>, Vec<NoteId>) = notes.iter().partition(|n| n.is_disagreement());
        // In the card: what to do stays open; the background folds away.
        let (todo, more): (Vec<NoteId>, Vec<NoteId>) =
            if now { rest.iter().partition(|n| n.is_instruction()) } else { (rest, Vec::new()) };
        let create_here =
            step.id == StepId::CreateChildAccount && a.path == Path::ParentCreatesAccount && !step.state.is_settled();
        // «Кнопки «Создать» нет, хотя всё выполнено» belongs with the
        // conditions: in the card it folds with them.
        let (inside_create, todo): (Vec<NoteId>, Vec<NoteId>) = if now && create_here {
            todo.iter().partition(|n| **n == NoteId::CreateButtonSupport)
        } else {
            (Vec::new(), todo)
        };
        let mut instructions = first.clone();
        instructions.extend(todo.iter().copied());
        let differ = self.differ_list(a, &differ, &instructions);
        let tick = (!step.state.is_settled()).then(|| done_answer(step.id, s)).flatten().map(|(q, v)| {
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
                if create_here {
                    { create_button_view(a, s, lang, self.student(), now, self.advice(a, &inside_create)) }
                }
                if wait_here && now && step.id == StepId::CheckOverdue {
                    // The step's text already says the time is up.
                    <details class="dh-more">
                        <summary>{ t("ui.next.wait.heading", lang) }</summary>
                        { wait_view(a, lang, self.student()) }
                    </details>
                } else if wait_here {
                    { wait_view(a, lang, self.student()) }
                }
                { self.advice(a, &todo) }
                { for link }
                { for tick }
                if !more.is_empty() {
                    <details class="dh-more">
                        <summary>{ t("ui.guide.more", lang) }</summary>
                        { self.advice(a, &more) }
                    </details>
                }
                if let Some(differ) = differ {
                    if now {
                        <details class="dh-more dh-differ">
                            <summary>{ self.w("ui.next.notes") }</summary>
                            { differ }
                        </details>
                    } else {
                        <div class="dh-differ">
                            <p class="dh-differ-title">{ self.w("ui.next.notes") }</p>
                            { differ }
                        </div>
                    }
                }
            </div>
        }
    }
}
