// The theming example's mount() panel (light DOM: it inherits the page's
// font and the --diary-help-* properties from :root).
import init, { mount } from "../../pkg/widget/diary_help.js";

init().then(() => {
  mount("#mounted", { role: "student", lang: "en" });
  document.body.dataset.mounted = "true";
});
