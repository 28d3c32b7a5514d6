//! The apology's content. The crash net itself (the panic hook installed
//! through Yew, the guard of the glue, panels replaced, nothing reaching the
//! page) is tested on the modules as shipped plus a trigger, in
//! tests/security/crash.test.mjs: a wasm-bindgen-test binary runs its own
//! panic hook and no glue guard, so it could only test a different setup.

use diary_help_widget::crash;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_apology_is_plain_text_with_the_regions_help_links() {
    let document = gloo::utils::document();
    let apology = crash::apology(&document, Some("kuzbass"), diary_rules::Lang::Ru).expect("built");
    // Detached until the crash: showing it needs no call into the wasm.
    assert!(apology.parent_node().is_none());
    assert_eq!(apology.get_attribute("role").as_deref(), Some("alert"));
    assert!(apology.class_name().split(' ').any(|c| c == "dh-crash"));
    let text = apology.text_content().unwrap();
    assert!(text.contains("Помощник временно не работает"), "{text}");
    assert!(text.contains("Вход в дневник через Госуслуги работает как обычно"), "{text}");
    let links = apology.query_selector_all("a[href]").unwrap();
    let hrefs: Vec<String> = (0..links.length())
        .map(|i| links.item(i).unwrap().dyn_into::<Element>().unwrap().get_attribute("href").unwrap())
        .collect();
    assert!(hrefs.iter().any(|h| h == "https://www.gosuslugi.ru/help"), "{hrefs:?}");
    let kuzbass = diary_rules::eligibility::region::embedded("kuzbass").unwrap();
    if let Some(site) = &kuzbass.diary_site {
        assert!(hrefs.contains(&site.href), "{hrefs:?}");
    }
    for i in 0..links.length() {
        let a: Element = links.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(a.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
    }
    // No markup anywhere: every element is one the builder made.
    assert!(apology.query_selector("script, style, img, iframe").unwrap().is_none());
    // English too.
    let en = crash::apology(&document, None, diary_rules::Lang::En).unwrap();
    assert!(en.text_content().unwrap().contains("The help panel has stopped working"));
}
