//! Accessible tabs (WAI-ARIA tabs pattern): a tablist whose selected tab is
//! the only one in the tab order, arrow keys and Home/End move between tabs
//! and select them.

use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct TabItem {
    /// Unique within the page: used for element ids.
    pub id: String,
    pub label: String,
}

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub items: Vec<TabItem>,
    pub selected: usize,
    pub on_select: Callback<usize>,
    /// The accessible name of the tab list.
    pub label: String,
    #[prop_or_default]
    pub class: Classes,
}

/// The id of the panel element a tab controls.
pub fn panel_id(tab_id: &str) -> String {
    format!("{tab_id}-panel")
}

#[function_component(Tabs)]
pub fn tabs(props: &TabsProps) -> Html {
    let refs = use_memo(props.items.len(), |n| (0..*n).map(|_| NodeRef::default()).collect::<Vec<_>>());
    let count = props.items.len();
    let onkeydown = {
        let on_select = props.on_select.clone();
        let refs = refs.clone();
        let selected = props.selected;
        Callback::from(move |e: KeyboardEvent| {
            if count == 0 {
                return;
            }
            let target = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => (selected + 1) % count,
                "ArrowLeft" | "ArrowUp" => (selected + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            e.prevent_default();
            on_select.emit(target);
            if let Some(el) = refs.get(target).and_then(|r| r.cast::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        })
    };
    let tabs = props.items.iter().enumerate().map(|(i, item)| {
        let selected = i == props.selected;
        let onclick = props.on_select.reform(move |_: MouseEvent| i);
        html! {
            <button type="button" role="tab" id={item.id.clone()} ref={refs[i].clone()}
                aria-selected={if selected { "true" } else { "false" }}
                aria-controls={selected.then(|| panel_id(&item.id))}
                tabindex={if selected { "0" } else { "-1" }}
                class={classes!("dh-tab", selected.then_some("dh-tab-selected"))}
                part={if selected { "tab tab-selected" } else { "tab" }}
                {onclick}>
                { &item.label }
            </button>
        }
    });
    html! {
        <div role="tablist" aria-label={props.label.clone()} class={classes!("dh-tabs", props.class.clone())} part="tabs" {onkeydown}>
            { for tabs }
        </div>
    }
}
