// The demo page's script: loads the widget module and mounts the panel.
// No inline script, so the page works under a strict CSP. The page URL's
// `region`, `role` and `lang` parameters are passed on, and the demo opts
// in to `errorFromUrl`, so a link can open the panel on a given error
// (`?error=diary_not_found`, or a message the rules recognise; the URL's
// words themselves are never shown).
// `start` draws the panel's first screen at once, mounts the panel when its
// wasm has arrived, and shows the static guide where WebAssembly cannot run.
import { start } from "../pkg/widget/diary-help-start.js";

const target = document.querySelector("#diary-help");
const params = new URLSearchParams(location.search);
const regionSelect = document.querySelector("#demo-region");
const region = params.get("region") ?? "kuzbass";
if (regionSelect) regionSelect.value = region;

// No top-level await: it needs Firefox 89 / Chrome 89 / Safari 15, above
// the panel's floor (README, "Browsers people really have").
const options = { region, lang: params.get("lang") === "en" ? "en" : "ru", errorFromUrl: true };
if (params.get("role") === "student") options.role = "student";
start(target, options).then((panel) => {
  target.classList.add("help-mounted");
  regionSelect?.addEventListener("change", () => panel.setRegion(regionSelect.value));
  window.diaryHelp = panel;
  document.documentElement.dataset.widget = "ready";
}).catch((error) => {
  // The host page keeps working: the fallback text inside the target comes
  // back, with the static guide beside it.
  console.warn("diary help panel could not start:", error);
  document.documentElement.dataset.widget = "failed";
});
