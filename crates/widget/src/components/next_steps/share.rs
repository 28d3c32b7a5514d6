//! Copy, print and share: the copy row (shared with the «Дневник не найден»
//! kit) and the plan's actions. Nothing leaves the device but by the user's
//! own action.

use super::*;

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
        let share = props.share;
        Callback::from(move |_: MouseEvent| {
            if share && share_text(&text) {
                return;
            }
            let done = tr(done, student, lang);
            let failed = tr("ui.plan.copy_failed", student, lang);
            let status = status.clone();
            match clipboard_write(&text) {
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
/// browser has a share sheet); for a student, «Отправить родителю»: the
/// plan worded for the parent (`for_parent`), shared or else copied.
/// Nothing leaves the device but by the user's action.
pub(super) fn plan_actions(lang: Lang, text: String, student: bool, for_parent: Option<String>) -> Html {
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
    let share = share_button(lang, text.clone(), "dh-plan-share", "ui.plan.share");
    html! {
        <>
        <CopyRow {lang} {text} {student} id="dh-plan-copy" label="ui.plan.copy" done="ui.plan.copied" class="dh-plan-actions">
            <button type="button" class="dh-secondary" id="dh-plan-print" onclick={on_print}>{ t("ui.plan.print", lang) }</button>
            { for share }
        </CopyRow>
        if let Some(text) = for_parent {
            <CopyRow {lang} {text} {student} share=true id="dh-plan-parent" label="ui.plan.to_parent_student"
                done="ui.plan.to_parent_copied_student" class="dh-plan-actions dh-plan-parent" />
        }
        </>
    }
}

/// `navigator.clipboard.writeText(text)`, if the browser has it (it needs a
/// secure context); the promise's outcome decides what the person is told.
/// The one clipboard call of the panel (the plan, the kit, the generator).
pub(crate) fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    call_navigator("clipboard", "writeText", &JsValue::from_str(text))
}

/// Opens the browser's share sheet with `text`; `false` where the browser
/// has none.
fn share_text(text: &str) -> bool {
    if !has_share() {
        return false;
    }
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("text"), &JsValue::from_str(text));
    if let Some(p) = call_navigator("", "share", &data) {
        wasm_bindgen_futures::spawn_local(async move {
            // A cancelled share sheet is not an error.
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        });
    }
    true
}

/// A button that opens the browser's share sheet with `text`, where the
/// browser has one (`navigator.share`); `None` elsewhere.
pub(crate) fn share_button(lang: Lang, text: String, id: &'static str, label: &'static str) -> Option<Html> {
    has_share().then(|| {
        let onclick = Callback::from(move |_: MouseEvent| {
            share_text(&text);
        });
        html! { <button type="button" class="dh-secondary" {id} {onclick}>{ t(label, lang) }</button> }
    })
}

pub(super) fn navigator() -> Option<JsValue> {
    js_sys::Reflect::get(&JsValue::from(web_sys::window()?), &JsValue::from_str("navigator")).ok()
}

pub(super) fn has_share() -> bool {
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
