//! "Password": a live per-rule checklist, typing-mistake warnings, strength,
//! the confirmation field and the generator, all from
//! `diary_rules::password`. The password lives only in this component's
//! state: never stored, logged or sent, and gone when the section closes.

use super::form::NO_FORM;
use super::next_steps::clipboard_write;
use crate::text::{t, tf};
use diary_rules::password::{
    self as pw, check_password, render_message, CheckOptions, GeneratorOptions, MessageContext, PasswordCheck, Policy,
    RuleId, Warning,
};
use diary_rules::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasswordHelpProps {
    pub lang: Lang,
}

/// The confirmation field: what is typed, and whether the person has left
/// the field since (a mismatch shows only then, not while typing). Both
/// change together: typing clears `left`.
#[derive(Clone, Default, PartialEq)]
struct Confirm {
    value: String,
    left: bool,
}

/// What happened to the generated password.
#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    None,
    Copied,
    /// No clipboard: the text is selected for the user to copy.
    Selected,
}

/// The generator's state: the generated password (or the failure of the
/// random source) and what happened to that password's copy. One state:
/// a new password starts with no copy.
#[derive(Clone, PartialEq)]
struct Generated {
    password: Option<Result<String, ()>>,
    copy: CopyState,
}

impl Default for Generated {
    fn default() -> Generated {
        Generated { password: None, copy: CopyState::None }
    }
}

enum GeneratorAction {
    /// A new password, or the random source failed.
    New(Result<String, ()>),
    /// The copy of the current password.
    Copy(CopyState),
}

impl Reducible for Generated {
    type Action = GeneratorAction;
    fn reduce(self: std::rc::Rc<Self>, action: GeneratorAction) -> std::rc::Rc<Self> {
        std::rc::Rc::new(match action {
            GeneratorAction::New(password) => Generated { password: Some(password), copy: CopyState::None },
            GeneratorAction::Copy(copy) => Generated { copy, ..(*self).clone() },
        })
    }
}

fn generate(memorable: bool) -> Option<String> {
    let mut fill = diary_rules_js::secure_random;
    pw::generate_password(&GeneratorOptions { length: None, memorable }, &Policy::gosuslugi(), &mut fill).ok()
}

#[function_component(PasswordHelp)]
pub fn password_help(props: &PasswordHelpProps) -> Html {
    let lang = props.lang;
    let password = use_state(String::new);
    let show = use_state(|| false);

    let on_password = {
        let password = password.clone();
        Callback::from(move |e: InputEvent| password.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    // A mismatch is shown once the person leaves the field, not while typing.
    let confirm = use_state(Confirm::default);
    let on_confirm = {
        let confirm = confirm.clone();
        Callback::from(move |e: InputEvent| {
            confirm.set(Confirm { value: e.target_unchecked_into::<HtmlInputElement>().value(), left: false })
        })
    };
    let on_confirm_blur = {
        let confirm = confirm.clone();
        Callback::from(move |_: FocusEvent| confirm.set(Confirm { left: true, ..(*confirm).clone() }))
    };
    let on_show = {
        let show = show.clone();
        Callback::from(move |_: MouseEvent| show.set(!*show))
    };
    let typed = !password.is_empty();
    let check = check_password(
        &password,
        &CheckOptions {
            confirm: (!confirm.value.is_empty()).then_some(confirm.value.as_str()),
            ..CheckOptions::default()
        },
    );
    let ctx = MessageContext {
        policy: &check.policy,
        length: check.length,
        invalid_chars: &check.invalid_chars,
        layout_fix: check.layout_fix.as_deref(),
    };
    let (items, summary) = checklist(&check, typed, lang, &ctx);
    let warnings = if typed { warning_texts(&check, lang, &ctx) } else { Vec::new() };
    let confirm_verdict = check.rules.iter().find(|r| r.rule == RuleId::ConfirmMatches).map(|r| {
        if r.passed {
            html! { <span class="dh-ok">{ "✓ " }{ t(RuleId::ConfirmMatches.rule_text_id(), lang) }</span> }
        } else {
            // Kept in place but invisible while typing: no layout shift
            // when it appears (a shift would move the button being tapped).
            html! { <span class={classes!("dh-bad", (!confirm.left).then_some("dh-invisible"))}>{ "✗ " }{ render_message(RuleId::ConfirmMatches.problem_text_id(), lang, &ctx) }</span> }
        }
    });
    let input_type = if *show { "text" } else { "password" };
    let score = check.strength.score;
    html! {
        <div class="dh-password">
            <p class="dh-hint">{ t("ui.pw.privacy", lang) }</p>
            <div class="dh-field">
                <label for="dh-pw">{ t("ui.pw.label", lang) }</label>
                <div class="dh-row">
                    <input id="dh-pw" form={NO_FORM} type={input_type} value={(*password).clone()} oninput={on_password}
                        autocomplete="new-password" spellcheck="false" autocapitalize="none" autocorrect="off"
                        aria-describedby="dh-pw-summary dh-pw-warnings" />
                    <button type="button" class="dh-secondary" id="dh-pw-show"
                        aria-controls="dh-pw dh-pw-confirm" onclick={on_show}>
                        { t(if *show { "ui.pw.hide" } else { "ui.pw.show" }, lang) }
                    </button>
                </div>
            </div>
            <h3 id="dh-pw-rules-title" class="dh-h3">{ t("ui.pw.rules", lang) }</h3>
            <ul class="dh-checklist" role="list" aria-labelledby="dh-pw-rules-title" id="dh-pw-rules">{ for items }</ul>
            <p id="dh-pw-summary" class="dh-verdict" role="status" aria-live="polite">{ summary }</p>
            <ul id="dh-pw-warnings" class="dh-warnings">
                { for warnings.into_iter().map(|w| html! { <li>{ w }</li> }) }
            </ul>
            if typed {
                <div class="dh-strength">
                    <span id="dh-pw-strength-label">{ t("ui.pw.strength", lang) }{ ": " }</span>
                    // Boundaries between the scores: engines disagree on a value
                    // exactly at `low` or `high` (Firefox counts 3 with high=3 as
                    // sub-optimum, Chromium as optimum). 0–1 red, 2 yellow, 3–4 green.
                    <meter id="dh-pw-strength" min="0" max="4" low="1.5" high="2.5" optimum="4" value={score.to_string()}
                        aria-labelledby="dh-pw-strength-label" aria-describedby="dh-pw-strength-text"></meter>
                    { " " }
                    <span id="dh-pw-strength-text" class={format!("dh-score-{score}")}>
                        { t(pw::score_text_id(score), lang) }{ format!(" ({score}/4)") }
                    </span>
                </div>
            }
            <div class="dh-field">
                <label for="dh-pw-confirm">{ t("ui.pw.confirm", lang) }</label>
                <input id="dh-pw-confirm" form={NO_FORM} type={input_type} value={confirm.value.clone()} oninput={on_confirm} onblur={on_confirm_blur}
                    autocomplete="new-password" spellcheck="false" autocapitalize="none" autocorrect="off"
                    aria-describedby="dh-pw-confirm-verdict" />
                <p id="dh-pw-confirm-verdict" class="dh-verdict" role="status" aria-live="polite">{ for confirm_verdict }</p>
            </div>
            <Generator lang={lang} />
        </div>
    }
}

/// The policy's rules as a checklist (each ✓ or ✗ with its words) and the
/// one-line summary read out as the person types.
fn checklist(check: &PasswordCheck, typed: bool, lang: Lang, ctx: &MessageContext) -> (Vec<Html>, String) {
    let policy_rules: Vec<_> = check.rules.iter().filter(|r| r.rule != RuleId::ConfirmMatches).collect();
    let passed = policy_rules.iter().filter(|r| r.passed).count();
    let items = policy_rules
        .iter()
        .map(|r| {
            let (class, mark, state) = if r.passed {
                ("dh-pass", "✓", t("ui.pw.passed", lang))
            } else {
                ("dh-fail", "✗", t("ui.pw.failed", lang))
            };
            html! {
                <li class={class}>
                    <span class="dh-mark" aria-hidden="true">{ mark }</span>
                    { render_message(r.rule.rule_text_id(), lang, ctx) }
                    <span class="dh-rule-state">{ " — " }{ state }</span>
                </li>
            }
        })
        .collect();
    let summary = if !typed {
        String::new()
    } else if passed == policy_rules.len() {
        t("ui.pw.all_ok", lang)
    } else {
        tf("ui.pw.summary", lang, &[("passed", passed.to_string()), ("total", policy_rules.len().to_string())])
    };
    (items, summary)
}

/// The warnings under the checklist, in the order that helps: the fix for
/// a Russian keyboard layout first (it explains the refused letters and
/// says what to do), then the characters that are not allowed, then the
/// other typing mistakes and weak spots.
fn warning_texts(check: &PasswordCheck, lang: Lang, ctx: &MessageContext) -> Vec<String> {
    let (layout, others): (Vec<&Warning>, Vec<&Warning>) =
        check.warnings.iter().partition(|w| **w == Warning::CyrillicLayout);
    let mut out: Vec<String> = layout.iter().map(|w| render_message(w.text_id(), lang, ctx)).collect();
    if check.rules.iter().any(|r| r.rule == RuleId::AllowedChars && !r.passed) {
        out.push(render_message(RuleId::AllowedChars.problem_text_id(), lang, ctx));
    }
    out.extend(others.iter().map(|w| render_message(w.text_id(), lang, ctx)));
    out
}

/// The generator: two buttons, the generated password in a read-only
/// field, and its copy button (the clipboard, or the text selected for the
/// person to copy). Its own state: the password typed above never reaches it.
#[function_component(Generator)]
fn generator(props: &PasswordHelpProps) -> Html {
    let lang = props.lang;
    let state = use_reducer(Generated::default);
    let generated_ref = use_node_ref();
    let on_generate = |memorable: bool| {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(GeneratorAction::New(generate(memorable).ok_or(()))))
    };
    let on_copy = {
        let password = state.password.clone();
        let state = state.dispatcher();
        let generated_ref = generated_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(Ok(text)) = &password else { return };
            let select = {
                let generated_ref = generated_ref.clone();
                let state = state.clone();
                move || {
                    if let Some(input) = generated_ref.cast::<HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                    state.dispatch(GeneratorAction::Copy(CopyState::Selected));
                }
            };
            match clipboard_write(text) {
                Some(promise) => {
                    let state = state.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        match wasm_bindgen_futures::JsFuture::from(promise).await {
                            Ok(_) => state.dispatch(GeneratorAction::Copy(CopyState::Copied)),
                            Err(_) => select(),
                        }
                    });
                }
                None => select(),
            }
        })
    };

    let copy_message = match state.copy {
        CopyState::None => String::new(),
        CopyState::Copied => t("ui.pw.copied", lang),
        CopyState::Selected => t("ui.pw.selected", lang),
    };
    html! {
    <section class="dh-box dh-generator" aria-labelledby="dh-gen-title">
                <h3 id="dh-gen-title" class="dh-h3">{ t("ui.pw.generator", lang) }</h3>
                <div class="dh-buttons">
                    <button type="button" id="dh-gen" onclick={on_generate(false)}>{ t("ui.pw.generate", lang) }</button>
                    <button type="button" id="dh-gen-memorable" onclick={on_generate(true)}>{ t("ui.pw.generate_memorable", lang) }</button>
                </div>
                { match &state.password {
                    None => html! {},
                    Some(Err(())) => html! { <p class="dh-bad" role="alert">{ t("ui.pw.random_failed", lang) }</p> },
                    Some(Ok(p)) => html! {
                        <div class="dh-field">
                            <label for="dh-pw-generated">{ t("ui.pw.generated", lang) }</label>
                            <div class="dh-row">
                                <input id="dh-pw-generated" form={NO_FORM} type="text" readonly=true value={p.clone()} ref={generated_ref.clone()}
                                    spellcheck="false" autocomplete="off" class="dh-mono" />
                                <button type="button" class="dh-secondary" id="dh-pw-copy" onclick={on_copy}>{ t("ui.pw.copy", lang) }</button>
                            </div>
                        </div>
                    },
                } }
                <p class="dh-verdict" role="status" aria-live="polite">{ copy_message }</p>
            </section>
    }
}
