// docs/examples/first-screen.html: the first screen is pasted into the
// page's HTML (pkg/widget/first-screen.ru.html), so it is on screen with the
// page itself; start() adopts it, keeping what the person typed, and the
// panel takes over when its wasm has arrived.
import { start } from "../../pkg/widget/diary-help-start.js";

const target = document.querySelector("#diary-help");
start(target, { region: "kuzbass", lang: "ru" }).then((panel) => {
  window.diaryHelp = panel;
  document.documentElement.dataset.widget = "ready";
}).catch((error) => {
  // The fallback paragraph stays, with the static guide beside it.
  console.warn("diary help panel could not start:", error);
  document.documentElement.dataset.widget = "failed";
});
