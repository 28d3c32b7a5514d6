//! The plan's boxes and its plain-text form: step states, the «Создать»
//! diagnosis, the wait, the region box.

use super::*;

pub(super) fn state_class(state: StepState) -> &'static str {
    match state {
        StepState::Done => "dh-state-done",
        StepState::Todo => "dh-state-todo",
        StepState::Waiting => "dh-state-waiting",
        StepState::Blocked => "dh-state-blocked",
        StepState::NotNeeded => "dh-state-not-needed",
    }
}

/// «Создать»: each condition met (✓), missing (✗) or not known (?).
/// In the «Сейчас» card (`folded`) the conditions fold under the verdict,
/// with `inside` (what to do if the button is missing all the same).
pub(super) fn create_button_view(
    a: &Assessment,
    s: &Situation,
    lang: Lang,
    student: bool,
    folded: bool,
    inside: Html,
) -> Html {
    let Some(b) = &a.create_button else { return html! {} };
    let met = b.met();
    let rows = Condition::ALL.iter().map(|c| {
        let missing: Vec<String> =
            b.missing.iter().filter(|m| m.condition() == *c).map(|m| tr(&m.text_id(), student, lang)).collect();
        let unknown: Vec<String> =
            b.unknown.iter().filter(|u| u.condition() == *c).map(|u| tr(&u.text_id(), student, lang)).collect();
        let max = diary_rules::eligibility::create_button::max_age(s).to_string();
        let name = texts::fill(&tr(&format!("ui.create.cond.{}", c.id()), student, lang), &[("max", max)]);
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
    let verdict = t(if b.visible { "ui.next.create_button.visible" } else { "ui.next.create_button.missing" }, lang);
    if folded {
        return html! {
            <details class="dh-box dh-create dh-more">
                <summary>{ t("ui.next.create_button.heading", lang) }</summary>
                <p>{ verdict }</p>
                <ul class="dh-checklist dh-conditions">{ for rows }</ul>
                { inside }
            </details>
        };
    }
    html! {
        <div class="dh-box dh-create">
            <h4>{ t("ui.next.create_button.heading", lang) }</h4>
            <p>{ verdict }</p>
            <ul class="dh-checklist dh-conditions">{ for rows }</ul>
        </div>
    }
}

/// The check's deadline and whether it has passed. What the sources say
/// about the time is the step's «Если в разных инструкциях написано
/// по-разному» (the note `check_duration`), not here.
pub(super) fn wait_view(a: &Assessment, lang: Lang, student: bool) -> Html {
    let Some(e) = &a.check_estimate else { return html! {} };
    let status = if e.finished {
        html! { <p class="dh-ok">{ t("ui.next.wait.finished", lang) }</p> }
    } else if e.overdue {
        html! { <p class="dh-bad dh-overdue">{ tr("ui.next.wait.overdue", student, lang) }</p> }
    } else {
        html! {}
    };
    html! {
        <div class="dh-box dh-wait">
            <h4>{ t("ui.next.wait.heading", lang) }</h4>
            <p>{ tf("ui.next.wait.latest", lang, &[("latest", clock::display(e.latest))]) }</p>
            { status }
        </div>
    }
}

pub(super) fn region_view(a: &Assessment, lang: Lang, student: bool) -> Html {
    let r = &a.region;
    let name = r.name.get(lang).to_owned();
    let apps = r.apps.iter().map(|app| html! { <li>{ external(&app.href, &app.store, lang) }</li> });
    html! {
        <section class="dh-box dh-region" aria-labelledby="dh-region-title">
            <h4 id="dh-region-title">{ texts::fill(&tr("ui.next.region", student, lang), &[("name", name)]) }</h4>
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
/// who acts, how long, what to do, the notes of the step, the «Создать»
/// conditions (✓ / ✗ / ?), the link written out; then the notes that
/// belong to no step.
pub(super) fn plan_text(a: &Assessment, s: &Situation, lang: Lang, student: bool) -> String {
    let mut out = t("ui.plan.text_title", lang);
    out.push('\n');
    for (i, st) in a.steps.iter().enumerate() {
        out.push_str(&format!(
            "\n{}. {} ({})\n{}: {}\n",
            i + 1,
            texts::fill(texts::text(&st.title_id, lang), &st.params),
            t(&format!("ui.plan.status.{}", a.plan_status(st)), lang),
            t("ui.next.who", lang),
            tr(&format!("ui.actor.{}", st.actor.id()), student, lang),
        ));
        let time_id = format!("ui.time.{}", st.id.id());
        if texts::entry(&time_id).is_some() && !st.state.is_settled() {
            out.push_str(&format!("{}: {}\n", t("ui.guide.time", lang), tr(&time_id, student, lang)));
        }
        out.push_str(&texts::fill(texts::text(&st.text_id, lang), &st.params));
        out.push('\n');
        for n in a.notes.iter().filter(|n| n.step_in(a) == Some(st.id)) {
            out.push_str(&format!("— {}\n", tr(&n.text_id_in(&a.region), student, lang)));
            if let Some(id) = n.fallback_text_id_in(&a.region) {
                out.push_str(&format!("— {}\n", tr(&id, student, lang)));
            }
        }
        if st.id == StepId::CreateChildAccount && a.path == Path::ParentCreatesAccount && !st.state.is_settled() {
            if let Some(b) = &a.create_button {
                let met = b.met();
                out.push_str(&t(
                    if b.visible { "ui.next.create_button.visible" } else { "ui.next.create_button.missing" },
                    lang,
                ));
                out.push('\n');
                let max = diary_rules::eligibility::create_button::max_age(s).to_string();
                for c in Condition::ALL.iter() {
                    let name =
                        texts::fill(&tr(&format!("ui.create.cond.{}", c.id()), student, lang), &[("max", max.clone())]);
                    let missing: Vec<String> = b
                        .missing
                        .iter()
                        .filter(|m| m.condition() == *c)
                        .map(|m| tr(&m.text_id(), student, lang))
                        .collect();
                    let unknown: Vec<String> = b
                        .unknown
                        .iter()
                        .filter(|u| u.condition() == *c)
                        .map(|u| tr(&u.text_id(), student, lang))
                        .collect();
                    let (mark, more) = if met.contains(c) {
                        ("✓", Vec::new())
                    } else if !missing.is_empty() {
                        ("✗", missing)
                    } else {
                        ("?", unknown)
                    };
                    out.push_str(&format!("{mark} {name}"));
                    for m in more {
                        out.push_str(&format!(" {m}"));
                    }
                    out.push('\n');
                }
            }
        }
        if let Some(l) = &st.link {
            out.push_str(&l.href);
            out.push('\n');
        }
    }
    let drawer: Vec<NoteId> = a.notes.iter().copied().filter(|n| n.step_in(a).is_none()).collect();
    if !drawer.is_empty() {
        out.push_str(&format!("\n{}\n", tr("ui.next.notes", student, lang)));
        for n in drawer {
            out.push_str(&format!("— {}\n", tr(&n.text_id(), student, lang)));
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
    /// The button opens the share sheet where the browser has one, and
    /// copies only where it has none.
    #[prop_or_default]
    pub share: bool,
}
