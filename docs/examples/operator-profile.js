// mount() with an operator's own region profile object: the diary's address,
// app and where to turn, without a rebuild. A bad field throws an Error
// naming it (docs/embedding.md, "Operator profiles").
import init, { mount } from "../../pkg/widget/diary_help.js";

/** The operator's profile (the fields of docs/api/eligibility.md, "Region profiles"). */
const PROFILE = {
  id: "primer",
  name: { ru: "Примерская область", en: "Primer Region" },
  diarySite: { href: "https://dnevnik.primer.example/", label: "Дневник Примерской области" },
  appName: "Дневник.Пример",
  problems: "feedback_form",
  problemsLink: { href: "https://dnevnik.primer.example/support", label: "Форма обращения в поддержку" },
};

init().then(() => {
  try {
    mount("#mounted", { region: { ...PROFILE, diarySite: { href: "javascript:alert(1)", label: "x" } } });
  } catch (error) {
    document.body.dataset.rejected = error.message; // "options.region.diarySite.href: bad_href: …"
  }
  const panel = mount("#mounted", { region: PROFILE, role: "student", lang: "ru" });
  document.body.dataset.mounted = String(panel.mounted);
});
