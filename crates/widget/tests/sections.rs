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
use common::{click, find, host, mounted, open_section, settle};

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

fn session_storage() -> web_sys::Storage {
    gloo::utils::window().session_storage().unwrap().unwrap()
}

/// The plan's steps as (step id, state id, is the current step).
fn steps(root: &Element) -> Vec<(String, String, bool)> {
    let list = root.query_selector_all(".dh-plan > li").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|li| {
            let attr = |k: &str| li.get_attribute(k).unwrap_or_default();
            (attr("data-step"), attr("data-state"), attr("aria-current") == "step")
        })
        .collect()
}

fn steps_has(div: &Element, id: &str) -> bool {
    steps(div).iter().any(|s| s.0 == id)
}

/// Enters the birth date and presses «Дальше».
async fn birth(root: &Element, date: &str) {
    find(root, "#dh-birth-date").dyn_into::<HtmlInputElement>().unwrap().set_value(date);
    click(root, "#dh-birth-next");
    settle().await;
}

/// The question the guide asks now, if any.
fn asking(root: &Element) -> Option<String> {
    let h = root.query_selector(".dh-ask h3[id^=dh-q-]").unwrap()?;
    Some(h.id().trim_start_matches("dh-q-").trim_end_matches("-title").to_owned())
}

async fn answer(root: &Element, q: &str, value: &str) {
    assert_eq!(asking(root).as_deref(), Some(q));
    click(root, &format!("#dh-a-{q}-{value}"));
    settle().await;
}

async fn dont_know(root: &Element) {
    click(root, "#dh-a-unknown");
    settle().await;
}

/// «Не знаю» to every question left, until the plan.
async fn to_plan(root: &Element) {
    for _ in 0..12 {
        if asking(root).is_none() {
            break;
        }
        dont_know(root).await;
    }
    find(root, "#dh-now-title");
}

/// Answers the check's time and presses «Дальше».
async fn check_time(root: &Element, value: &str) {
    find(root, "#dh-q-check_requested_at").dyn_into::<HtmlInputElement>().unwrap().set_value(value);
    click(root, "#dh-q-next");
    settle().await;
}

#[wasm_bindgen_test]
async fn a_parent_of_a_ten_year_old_reaches_create_account_with_the_missing_button_reasons() {
    let (div, _h) = mounted("s1", r#"{"remember":false,"region":"kuzbass"}"#).await;
    // The guide opens first and asks only the birth date.
    assert_eq!(find(&div, "[role=tab][aria-selected=true][id^=dh-section]").id(), "dh-section-next");
    assert_eq!(asking(&div), None);
    birth(&div, &born_years_ago(10)).await;
    // Then one question at a time, those of the create-account path.
    answer(&div, "parent_account", "confirmed").await;
    answer(&div, "student_account", "none").await;
    answer(&div, "certificate_status", "checking").await;
    // A pending check brings the question of when it was requested.
    assert_eq!(asking(&div).as_deref(), Some("check_requested_at"));
    dont_know(&div).await;
    to_plan(&div).await;
    assert!(text_of(&div, ".dh-path").contains(&ru("elig.path.parent_creates_account")));
    let steps = steps(&div);
    let create = steps.iter().find(|s| s.0 == "create_child_account").expect("create step");
    assert_eq!(create.1, "blocked", "{create:?}");
    let waiting = steps.iter().find(|s| s.0 == "certificate_check").unwrap();
    assert!(waiting.1 == "waiting" && waiting.2, "the next step is the check: {waiting:?}");
    assert_eq!(text_of(&div, "#dh-now-title"), ru("elig.step.certificate_check.title"));
    let reasons = text_of(&div, ".dh-create");
    assert!(reasons.contains(&ru("elig.create_button.certificate_checking")), "{reasons}");
    // Links open in a new tab without an opener.
    let link = find(&div, ".dh-step a");
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    // «Изменить» the check's time: an overdue check says to contact support.
    click(&div, "#dh-change-check_requested_at");
    settle().await;
    check_time(&div, "2020-03-02T10:00").await;
    assert!(text_of(&div, ".dh-wait").contains(&ru("ui.next.wait.overdue")));
    assert!(steps_has(&div, "check_overdue"));
}

#[wasm_bindgen_test]
async fn a_fifteen_year_old_student_gets_the_link_and_consent_path() {
    let (div, _h) = mounted("s2", r#"{"remember":false,"role":"student"}"#).await;
    birth(&div, &born_years_ago(15)).await;
    answer(&div, "student_account", "own_unlinked").await;
    to_plan(&div).await;
    assert!(text_of(&div, ".dh-path").contains(&ru("elig.path.child_registers_parent_links_student")));
    for id in ["student_register", "link_code", "link_enter_code", "consent_for_child"] {
        assert!(steps_has(&div, id), "{id}");
    }
    assert!(!steps_has(&div, "create_child_account"));
    let next = steps(&div).into_iter().find(|s| s.2).unwrap();
    assert_eq!(next.0, "parent_account");
    // No «Создать» diagnosis where the button does not apply.
    assert!(div.query_selector(".dh-create").unwrap().is_none());
    // The student reads «ты»: who acts is «Ты».
    assert!(text_of(&div, ".dh-actor").contains(&ru("ui.actor.parent_student")));
}

#[wasm_bindgen_test]
async fn a_pasted_typo_d_message_gets_its_explanation_and_unknown_text_a_pointer() {
    let (div, _h) = mounted("s3", r#"{"remember":false}"#).await;
    open_section(&div, "error").await;
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
    // Unrelated text (an SMS code, not the binding code).
    type_into(&div, "#dh-error-text", "Неверный код подтверждения").await;
    click(&div, "#dh-error-explain");
    settle().await;
    assert!(text_of(&div, ".dh-unknown").contains(&ru("ui.error.not_recognised")));
}

#[wasm_bindgen_test]
async fn an_unknown_message_suggests_entries_and_whom_to_ask_on_each_side() {
    let (div, _h) = mounted("s3u", r#"{"remember":false,"region":"ryazan"}"#).await;
    open_section(&div, "error").await;
    type_into(&div, "#dh-error-text", "Что-то с кодом привязки").await;
    click(&div, "#dh-error-explain");
    settle().await;
    let unknown = text_of(&div, ".dh-unknown");
    assert!(unknown.contains(&ru("ui.error.not_recognised")));
    assert!(unknown.contains(&ru("ui.error.maybe")));
    assert!(text_of(&div, ".dh-maybe").contains(&ru("explain.binding_code_expired.title")));
    // Whom to ask: Gosuslugi support for a Gosuslugi-side message, the
    // region's school for a diary-side one.
    assert!(text_of(&div, ".dh-ask-gosuslugi").contains(&ru("ui.error.ask_gosuslugi")));
    assert!(text_of(&div, ".dh-ask-diary").contains(&ru("explain.contact.school.ryazan")));
    // A suggestion opens its explanation.
    click(&div, ".dh-maybe button");
    settle().await;
    assert_eq!(text_of(&div, "#dh-explanation-title"), ru("explain.binding_code_expired.title"));
}

#[wasm_bindgen_test]
async fn two_close_entries_are_both_shown_and_a_long_paste_shows_what_was_recognised() {
    let (div, _h) = mounted("s3c", r#"{"remember":false}"#).await;
    open_section(&div, "error").await;
    type_into(&div, "#dh-error-text", "Код привязки истёк, номер уже используется").await;
    click(&div, "#dh-error-explain");
    settle().await;
    assert_eq!(text_of(&div, "#dh-explanation-title"), ru("explain.binding_code_expired.title"));
    assert!(text_of(&div, ".dh-also").contains(&ru("explain.contact_in_use.title")));
    // A whole page pasted from a phone, the message at its very end (past
    // the 2,000 characters the panel used to keep).
    let page = format!("{} Ошибка входа: Дневник не найден.", "Новости школы, расписание и объявления. ".repeat(150));
    type_into(&div, "#dh-error-text", &page).await;
    click(&div, "#dh-error-explain");
    settle().await;
    assert_eq!(text_of(&div, "#dh-explanation-title"), ru("explain.diary_not_found.title"));
    assert!(text_of(&div, ".dh-recognised").contains("Дневник не найден"));
    assert!(div.query_selector(".dh-also").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_error_from_the_host_opens_the_error_section() {
    let (div, handle) = mounted("s4", r#"{"remember":false,"error":"Дневник не найден"}"#).await;
    assert_eq!(find(&div, "[role=tab][aria-selected=true][id^=dh-section]").id(), "dh-section-error");
    assert_eq!(text_of(&div, "#dh-explanation-title"), ru("explain.diary_not_found.title"));
    open_section(&div, "password").await;
    handle.set_error(JsValue::from_str("Не найден в СФР")).unwrap();
    settle().await;
    assert_eq!(find(&div, "[role=tab][aria-selected=true][id^=dh-section]").id(), "dh-section-error");
    assert_eq!(text_of(&div, "#dh-explanation-title"), ru("explain.not_found_in_sfr.title"));
}

#[wasm_bindgen_test]
async fn the_password_checklist_follows_the_input() {
    let (div, _h) = mounted("s5", r#"{"remember":false}"#).await;
    open_section(&div, "password").await;
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
    // The toggle says what it will do next.
    assert_eq!(text_of(&div, "#dh-pw-show"), ru("ui.pw.hide"));
    click(&div, "#dh-pw-show");
    settle().await;
    assert_eq!(text_of(&div, "#dh-pw-show"), ru("ui.pw.show"));
    // The confirmation: a mismatch shows on leaving the field, not while typing.
    type_into(&div, "#dh-pw-confirm", "Tamo-pibu4").await;
    assert!(find(&div, "#dh-pw-confirm-verdict").query_selector(".dh-bad:not(.dh-invisible)").unwrap().is_none());
    fire(&find(&div, "#dh-pw-confirm"), "blur");
    settle().await;
    assert!(find(&div, "#dh-pw-confirm-verdict").query_selector(".dh-bad:not(.dh-invisible)").unwrap().is_some());
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
    birth(&div, &born_years_ago(10)).await;
    dont_know(&div).await;
    answer(&div, "student_account", "none").await;
    answer(&div, "certificate_status", "checking").await;
    check_time(&div, "2020-03-02T10:00").await;
    // Data typed elsewhere is never stored.
    open_section(&div, "data").await;
    type_into(&div, "#dh-snils", "112-233-445 95").await;
    type_into(&div, "#dh-rec-diary-last_name", "Иванова").await;
    let storage = local_storage();
    assert_eq!(storage.length().unwrap(), 1);
    let raw = storage.get_item(STORAGE_KEY).unwrap().expect("remembered");
    let stored: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let mut top: Vec<&str> = stored.as_object().unwrap().keys().map(String::as_str).collect();
    top.sort();
    // The birth date is kept for the tab only (no «Запомнить» tick).
    assert_eq!(top, ["answers", "role", "section", "unknown"]);
    let tab: serde_json::Value =
        serde_json::from_str(&session_storage().get_item(STORAGE_KEY).unwrap().expect("kept for the tab")).unwrap();
    assert_eq!(tab["birthDate"], serde_json::json!(born_years_ago(10)));
    let answers: Vec<&str> = stored["answers"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(answers, ["certificate_status", "check_requested_at", "student_account"]);
    assert_eq!(stored["unknown"], serde_json::json!(["parent_account"]));
    assert_eq!(stored["section"], "data");
    assert!(!raw.contains("112") && !raw.contains("Иванова"), "{raw}");
    h.unmount();
    // A new panel reads them back, on the section left open.
    let div2 = host("s6b");
    let _h2 = mount(div2.clone().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    assert_eq!(find(&div2, "[role=tab][aria-selected=true][id^=dh-section]").id(), "dh-section-data");
    open_section(&div2, "next").await;
    assert!(text_of(&div2, ".dh-summary").contains(&ru("ui.q.certificate_status.checking")));
    click(&div2, "#dh-forget");
    settle().await;
    assert!(storage.get_item(STORAGE_KEY).unwrap().is_none());
    assert_eq!(storage.length().unwrap(), 0);
    assert!(session_storage().get_item(STORAGE_KEY).unwrap().is_none(), "forgotten in the tab too");
    assert_eq!(find(&div2, "#dh-birth-date").dyn_into::<HtmlInputElement>().unwrap().value(), "");
}

#[wasm_bindgen_test]
async fn remember_false_reads_and_writes_nothing() {
    let storage = local_storage();
    storage.clear().unwrap();
    session_storage().clear().unwrap();
    storage.set_item(STORAGE_KEY, r#"{"birthDate":"2015-09-01","rememberBirth":true,"role":"student"}"#).unwrap();
    let (div, _h) = mounted("s7", r#"{"remember":false}"#).await;
    assert_eq!(find(&div, "#dh-birth-date").dyn_into::<HtmlInputElement>().unwrap().value(), "", "not read");
    assert_eq!(find(&div, "[role=tab][aria-selected=true][id^=dh-role]").id(), "dh-role-parent");
    assert!(div.query_selector("#dh-forget").unwrap().is_none());
    storage.clear().unwrap();
    birth(&div, &born_years_ago(10)).await;
    dont_know(&div).await;
    click(&div, "#dh-role-student");
    settle().await;
    assert_eq!(storage.length().unwrap(), 0, "not written");
    assert_eq!(session_storage().length().unwrap(), 0, "not written for the tab either");
}
