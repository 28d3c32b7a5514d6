//! The plan's boxes and its plain-text form: step states, the «Создать»
//! diagnosis, the wait, the region box.

use super::*;

pub(super) fn state_class(state: StepState) -> &'static str {
    match state {
        StepState::Done => "dh-state-done",
        StepState::Todo => "dh-state-todo",
        StepState::Waiting => "dh-state-waiting",
        StepState::Blocked => "dh-state-blocked",
    }
}

/// «Создать»: each condition met (✓), missing (✗) or not known (?).
pub(super) fn create_button_view(a: &Assessment, s: &Situation, lang: Lang, student: bool) -> Html {
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

pub(super) fn wait_view(a: &Assessment, lang: Lang, student: bool) -> Html {
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

pub(super) fn region_view(a: &Assessment, lang: Lang, student: bool) -> Html {
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
pub(super) fn plan_text(a: &Assessment, lang: Lang, student: bool) -> String {
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
