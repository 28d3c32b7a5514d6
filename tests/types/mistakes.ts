// Deliberate mistakes: each line under an expect-error directive must fail
// to compile against the packages' types (tsc reports an unused directive,
// so a type that has become too loose fails the test).
import init, {
  assessEligibility, checkPassword, checkSnils, compareRecords, explainError, explainErrorDetails, generatePassword, listErrors, passwordPolicy,
} from "diary-rules";
import initWidget, { mount } from "diary-help-widget";
import type { DiaryLoginHelp } from "diary-help-widget/element";

await init();
await initWidget();

// @ts-expect-error: the options are an object, not a length
generatePassword(12);
// @ts-expect-error: a СНИЛС is checked as typed, a string
checkSnils(11223344595);
// @ts-expect-error: explainError needs the text
explainError();
// @ts-expect-error: only "ru" and "en"
listErrors("de");
// @ts-expect-error: only "ru" and "en"
passwordPolicy("fr");
// @ts-expect-error: only "ru" and "en"
checkPassword("x", { lang: "es" });
// @ts-expect-error: roles are "parent" and "student"
assessEligibility({ role: "teacher", birthDate: "2015-01-01" });
// @ts-expect-error: a status outside the list
assessEligibility({ role: "parent", birthDate: "2015-01-01", snilsStatus: "maybe" });
// @ts-expect-error: a built-in region id or a profile object, not any string, in assessEligibility
assessEligibility({ role: "parent", birthDate: "2015-01-01", region: "atlantis" });
// @ts-expect-error: a typo of a built-in region id, in explainError's context
explainError("Дневник не найден", { role: "parent", region: "kuzbas" });
// @ts-expect-error: a typo of a built-in region id, in mount()
mount("#help", { region: "kuzbas" });
// A built-in id and a host's own profile object still type-check.
explainError("Дневник не найден", { role: "parent", region: "kuzbass" });
mount("#help", { region: "kuzbass" }).setRegion({ id: "primer", name: { ru: "Примерская область", en: "Primer Region" } });
// @ts-expect-error: lastName is required
compareRecords({ firstName: "Анна" }, { lastName: "Семёнова", firstName: "Анна" });

const a = assessEligibility({ role: "parent", birthDate: "2015-01-01" });
// @ts-expect-error: next is null when every step is done
a.next.length;
// @ts-expect-error: createButton is null on paths without «Создать»
a.createButton.visible;
// @ts-expect-error: null for a profile without a diary site
a.region.diarySite.href;
// @ts-expect-error: null for a profile without an app
a.region.appName.length;
// @ts-expect-error: an explanation may be null (no guess)
explainError("текст").steps;
// @ts-expect-error: the details' answer may be null (unsure)
explainErrorDetails("текст").answer.steps;
// @ts-expect-error: a side is "gosuslugi" or "diary"
const side: "school" | undefined = explainErrorDetails("текст").side;

// @ts-expect-error: mount's lang is "ru" or "en"
mount("#help", { lang: "de" });
// @ts-expect-error: role is "parent" or "student"
mount("#help", { role: "teacher" });
// @ts-expect-error: history is on or off, a boolean
mount("#help", { history: "no" });
// @ts-expect-error: a region profile needs its name
mount("#help", { region: { id: "primer" } });
// @ts-expect-error: "problems" is one of "school", "class_teacher", "feedback_form"
mount("#help", { region: { id: "primer", name: { ru: "П", en: "P" }, problems: "phone" } });
// @ts-expect-error: the target is an element or a selector
mount(42);
const panel = mount("#help");
// @ts-expect-error: setLang takes "ru" or "en"
panel.setLang("uk");

const el = document.querySelector("diary-login-help");
if (el) {
  const typed: DiaryLoginHelp = el;
  // @ts-expect-error: the element has no mount method
  typed.mount();
  // @ts-expect-error: the profile is an object, not an id (ids go in the region attribute)
  typed.profile = "kuzbass";
}
