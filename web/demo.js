// The demo page's script: loads the widget module and mounts the panel.
// No inline script, so the page works under a strict CSP.
import init, { mount } from "../pkg/widget/diary_help.js";

const target = document.querySelector("#diary-help");
try {
  await init();
  const params = new URLSearchParams(location.search);
  window.diaryHelp = mount(target, { lang: params.get("lang") === "en" ? "en" : "ru" });
  document.documentElement.dataset.widget = "ready";
} catch (error) {
  // The host page keeps working: the fallback text inside the target stays.
  console.warn("diary help panel could not start:", error);
  document.documentElement.dataset.widget = "failed";
}
