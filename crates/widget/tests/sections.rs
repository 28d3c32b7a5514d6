//! The panel's sections in a real browser: the wizard, the error
//! explanation, the password checklist, remembered progress.

use diary_help_widget::{mount, storage::STORAGE_KEY};
use diary_rules::texts::text;
use diary_rules::Lang;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{click, find, host, options, settle};

fn ru(id: &str) -> String {
    text(id, Lang::Ru).to_owned()
}

fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn fire(el: &Element, kind: &str) {
    el.dispatch_event(&web_sys::Event::new(kind).unwrap()).unwrap();
}

/// Types into an input (or textarea) as the browser reports it: `input`, then `change`.
async fn type_into(root: &Element, selector: &str, value: &str) {
    let el = find(root, selector);
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else {
        el.dyn_ref::<HtmlTextAreaElement>().unwrap().set_value(value);
    }
    fire(&el, "input");
    fire(&el, "change");
    settle().await;
}

async fn choose(root: &Element, selector: &str, value: &str) {
    let el = find(root, selector);
    el.dyn_ref::<HtmlSelectElement>().unwrap().set_value(value);
    fire(&el, "change");
    settle().await;
}

/// A birth date that makes the student exactly `years` old today.
fn born_years_ago(years: u32) -> String {
    let year = js_sys::Date::new_0().get_full_year() - years;
    format!("{year:04}-01-01")
}

fn local_storage() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

/// The steps as (title, state words, is next).
fn steps(root: &Element) -> Vec<(String, String, bool)> {
    let list = root.query_selector_all(".dh-step").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|li| {
            let title = li.query_selector(".dh-step-title").unwrap().unwrap().text_content().unwrap_or_default();
            let state = li.query_selector("span.dh-state").unwrap().unwrap().text_content().unwrap_or_default();
            (title, state, li.get_attribute("aria-current").as_deref() == Some("step"))
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_parent_of_a_ten_year_old_reaches_create_account_with_the_missing_button_reasons() {
    let div = host("s1");
    let _h = mount(div.clone().into(), options(r#"{"remember":false,"region":"kuzbass"}"#)).unwrap();
    settle().await;
    // The wizard opens first and asks only the birth date.
    assert_eq!(find(&div, "[role=tab][aria-selected=true][id^=dh-section]").id(), "dh-section-next");
    assert!(div.query_selector("#dh-q-certificate_status").unwrap().is_none());
    type_into(&div, "#dh-birth-date", &born_years_ago(10)).await;
    // Then only the questions of the create-account path.
    assert!(div.query_selector("#dh-q-certificate_status").unwrap().is_some());
    assert!(div.query_selector("#dh-q-application").unwrap().is_none());
    assert!(text_of(&div, ".dh-path").contains(&ru("elig.path.parent_creates_account")));
    choose(&div, "#dh-q-parent_account", "confirmed").await;
    choose(&div, "#dh-q-student_account", "none").await;
    choose(&div, "#dh-q-certificate_status", "checking").await;
    choose(&div, "#dh-q-snils_status", "searching").await;
    // A pending check brings the question of when it was requested.
    assert!(div.query_selector("#dh-q-check_requested_at").unwrap().is_some());
    let steps = steps(&div);
    let create = steps.iter().find(|s| s.0 == ru("elig.step.create_child_account.title")).expect("create step");
    assert!(create.1.contains(&ru("elig.state.blocked")), "{create:?}");
    let waiting = steps.iter().find(|s| s.0 == ru("elig.step.certificate_check.title")).unwrap();
    assert!(waiting.1.contains(&ru("elig.state.waiting")) && waiting.2, "the next step is the check: {waiting:?}");
    assert!(text_of(&div, ".dh-announce").contains(&ru("elig.step.certificate_check.title")));
    let reasons = text_of(&div, ".dh-create");
    for id in ["elig.create_button.certificate_checking", "elig.create_button.snils_searching"] {
        assert!(reasons.contains(&ru(id)), "{id} in {reasons}");
    }
    // Links open in a new tab without an opener.
    let link = find(&div, ".dh-step a");
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    // An overdue check says to contact support.
    type_into(&div, "#dh-q-check_requested_at", "2020-03-02T10:00").await;
    assert!(text_of(&div, ".dh-wait").contains(&ru("ui.next.wait.overdue")));
    assert!(steps_has(&div, "elig.step.check_overdue.title"));
}

fn steps_has(div: &Element, title_id: &str) -> bool {
    steps(div).iter().any(|s| s.0 == ru(title_id))
}

#[wasm_bindgen_test]
async fn a_fifteen_year_old_student_gets_the_link_and_consent_path() {
    let div = host("s2");
    let _h = mount(div.clone().into(), options(r#"{"remember":false,"role":"student"}"#)).unwrap();
    settle().await;
    type_into(&div, "#dh-birth-date", &born_years_ago(15)).await;
    // A student reads the student's words («ты», not "the child").
    assert!(text_of(&div, ".dh-path").contains(&ru("elig.path.child_registers_parent_links_student")));
    for id in ["student_register.title", "link_code.title", "link_enter_code.title", "consent_for_child.title_student"]
    {
        assert!(steps_has(&div, &format!("elig.step.{id}")), "{id}");
    }
    assert!(!steps_has(&div, "elig.step.create_child_account.title_student"));
    assert!(div.query_selector("#dh-q-snils_status").unwrap().is_none(), "no СНИЛС question on this path");
    choose(&div, "#dh-q-student_account", "own_unlinked").await;
    let next = steps(&div).into_iter().find(|s| s.2).unwrap();
    assert_eq!(next.0, ru("elig.step.parent_account.title"));
    // The «Создать» diagnosis says why there is no button at 15.
    assert!(text_of(&div, ".dh-create").contains(&ru("elig.create_button.child_too_old_student")));
}

#[wasm_bindgen_test]
async fn a_pasted_typo_d_message_gets_its_explanation_and_unknown_text_a_pointer() {
    let div = host("s3");
    let _h = mount(div.clone().into(), options(r#"{"remember":false}"#)).unwrap();
    settle().await;
    click(&div, "#dh-section-error");
    settle().await;
    type_into(&div, "#dh-error-text", "Ваш днивник не найден").await;
    click(&div, "#dh-error-explain");
    settle().await;
    assert_eq!(text_of(&div, "#dh-explanation-title"), ru("explain.diary_not_found.title"));
    assert!(div.query_selector(".dh-explanation ol li").unwrap().is_some());
    // A related error opens as a button.
    click(&div, ".dh-related button");
    settle().await;
    assert_ne!(text_of(&div, "#dh-explanation-title"), ru("explain.diary_not_found.title"));
    // The picker.
    choose(&div, "#dh-error-pick", "not_found_in_sfr").await;
    assert_eq!(text_of(&div, "#dh-explanation-title"), ru("explain.not_found_in_sfr.title"));
    // Unrelated text («Неверный логин или пароль» has its own answer now).
    type_into(&div, "#dh-error-text", "Сервис временно недоступен, повторите попытку позже").await;
    click(&div, "#dh-error-explain");
    settle().await;
    assert!(text_of(&div, ".dh-unknown").contains(&ru("ui.error.not_recognised")));
}

#[wasm_bindgen_test]
async fn an_error_from_the_host_opens_the_error_section() {
    let div = host("s4");
    let handle = mount(div.clone().into(), options(r#"{"remember":false,"error":"Дневник не найден"}"#)).unwrap();
    settle().await;
    assert_eq!(find(&div, "[role=tab][aria-selected=true][id^=dh-section]").id(), "dh-section-error");
    assert_eq!(text_of(&div, "#dh-explanation-title"), ru("explain.diary_not_found.title"));
    click(&div, "#dh-section-password");
    settle().await;
    handle.set_error(JsValue::from_str("Не найден в СФР")).unwrap();
    settle().await;
    assert_eq!(find(&div, "[role=tab][aria-selected=true][id^=dh-section]").id(), "dh-section-error");
    assert_eq!(text_of(&div, "#dh-explanation-title"), ru("explain.not_found_in_sfr.title"));
}

#[wasm_bindgen_test]
async fn the_password_checklist_follows_the_input() {
    let div = host("s5");
    let _h = mount(div.clone().into(), options(r#"{"remember":false}"#)).unwrap();
    settle().await;
    click(&div, "#dh-section-password");
    settle().await;
    let failed = || div.query_selector_all("#dh-pw-rules li.dh-fail").unwrap().length();
    assert_eq!(find(&div, "#dh-pw-rules").get_attribute("role").as_deref(), Some("list"));
    assert_eq!(failed(), 5, "empty: every rule but the allowed characters fails");
    type_into(&div, "#dh-pw", "abc").await;
    assert_eq!(failed(), 4);
    type_into(&div, "#dh-pw", "Пароль1!").await;
    // The Russian layout: the fix is shown.
    assert!(text_of(&div, "#dh-pw-warnings").contains("Gfhjkm1!"), "{}", text_of(&div, "#dh-pw-warnings"));
    type_into(&div, "#dh-pw", "Tamo-pibu42").await;
    assert_eq!(failed(), 0);
    assert_eq!(text_of(&div, "#dh-pw-summary"), ru("ui.pw.all_ok"));
    assert!(div.query_selector("meter#dh-pw-strength").unwrap().is_some());
    // Show / hide.
    assert_eq!(find(&div, "#dh-pw").get_attribute("type").as_deref(), Some("password"));
    click(&div, "#dh-pw-show");
    settle().await;
    assert_eq!(find(&div, "#dh-pw").get_attribute("type").as_deref(), Some("text"));
    assert_eq!(find(&div, "#dh-pw-show").get_attribute("aria-pressed").as_deref(), Some("true"));
    // The confirmation.
    type_into(&div, "#dh-pw-confirm", "Tamo-pibu4").await;
    assert!(find(&div, "#dh-pw-confirm-verdict").query_selector(".dh-bad").unwrap().is_some());
    // The generator gives a password that passes.
    click(&div, "#dh-gen-memorable");
    settle().await;
    let generated = find(&div, "#dh-pw-generated").dyn_into::<HtmlInputElement>().unwrap().value();
    let check = diary_rules::password::check_password(&generated, &Default::default());
    assert!(check.is_valid(), "{generated}");
    // Copy: the clipboard, or (refused here without a real click) the text selected.
    click(&div, "#dh-pw-copy");
    TimeoutFuture::new(200).await;
    let status = text_of(&div, ".dh-generator [role=status]");
    assert!(status == ru("ui.pw.copied") || status == ru("ui.pw.selected"), "{status}");
    // Nothing of it is stored.
    assert!(local_storage().get_item(STORAGE_KEY).unwrap().is_none());
}

#[wasm_bindgen_test]
async fn answers_are_remembered_with_allowed_keys_only_and_forgotten() {
    local_storage().clear().unwrap();
    let div = host("s6");
    let mut h = mount(div.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    type_into(&div, "#dh-birth-date", &born_years_ago(10)).await;
    choose(&div, "#dh-q-certificate_status", "checking").await;
    type_into(&div, "#dh-q-check_requested_at", "2020-03-02T10:00").await;
    // Data typed elsewhere is never stored.
    click(&div, "#dh-section-data");
    settle().await;
    type_into(&div, "#dh-snils", "112-233-445 95").await;
    type_into(&div, "#dh-rec-diary-last_name", "Иванова").await;
    let storage = local_storage();
    assert_eq!(storage.length().unwrap(), 1);
    let raw = storage.get_item(STORAGE_KEY).unwrap().expect("remembered");
    let stored: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let top: Vec<&str> = stored.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(top, ["answers", "birthDate"]);
    let answers: Vec<&str> = stored["answers"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(answers, ["certificate_status", "check_requested_at"]);
    assert!(!raw.contains("112") && !raw.contains("Иванова"), "{raw}");
    h.unmount();
    // A new panel reads them back.
    let div2 = host("s6b");
    let _h2 = mount(div2.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    assert_eq!(find(&div2, "#dh-birth-date").dyn_into::<HtmlInputElement>().unwrap().value(), born_years_ago(10));
    assert_eq!(find(&div2, "#dh-q-certificate_status").dyn_into::<HtmlSelectElement>().unwrap().value(), "checking");
    click(&div2, "#dh-forget");
    settle().await;
    assert!(storage.get_item(STORAGE_KEY).unwrap().is_none());
    assert_eq!(storage.length().unwrap(), 0);
    assert_eq!(find(&div2, "#dh-birth-date").dyn_into::<HtmlInputElement>().unwrap().value(), "");
}

#[wasm_bindgen_test]
async fn remember_false_reads_and_writes_nothing() {
    let storage = local_storage();
    storage.clear().unwrap();
    storage.set_item(STORAGE_KEY, r#"{"birthDate":"2015-09-01"}"#).unwrap();
    let div = host("s7");
    let _h = mount(div.clone().into(), options(r#"{"remember":false}"#)).unwrap();
    settle().await;
    assert_eq!(find(&div, "#dh-birth-date").dyn_into::<HtmlInputElement>().unwrap().value(), "", "not read");
    assert!(div.query_selector("#dh-forget").unwrap().is_none());
    storage.clear().unwrap();
    type_into(&div, "#dh-birth-date", &born_years_ago(10)).await;
    choose(&div, "#dh-q-consent", "given").await;
    assert_eq!(storage.length().unwrap(), 0, "not written");
}
