// docs/examples/plain.html: mount() into a light-DOM container.
import init, { mount } from "../../pkg/widget/diary_help.js";

// init().then, not a top-level await (that needs Firefox 89, above the floor).
init().then(() => {
  const panel = mount("#diary-help", { region: "orenburg", role: "student", lang: "ru" });
  document.body.dataset.mounted = String(panel.mounted);
});
