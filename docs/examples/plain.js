// docs/examples/plain.html: mount() into a light-DOM container.
import init, { mount } from "../../pkg/widget/diary_help.js";

await init();
const panel = mount("#diary-help", { region: "orenburg", role: "student", lang: "ru" });
document.body.dataset.mounted = String(panel.mounted);
