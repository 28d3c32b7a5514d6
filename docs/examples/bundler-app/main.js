// A host app for a bundler (Vite, webpack): the element, mount() with the
// stylesheet imported as CSS, and the rules API, all from the npm packages.
// tests/integration/bundlers.test.mjs builds it with Vite and with webpack
// (with the usual style-loader + css-loader rule) and loads it in Chromium.
import "diary-help-widget/element"; // defines <diary-login-help>
import "diary-help-widget/diary-help.css"; // for mount() in the light DOM
import initWidget, { mount } from "diary-help-widget";
import initRules, { checkPassword, generatePassword } from "diary-rules";

async function start() {
  await Promise.all([initWidget(), initRules()]);
  const panel = mount("#help", { lang: "en", role: "student" });
  const verdict = checkPassword("Пароль1!");
  window.hostResult = {
    mounted: panel.mounted,
    failedRules: verdict.rules.filter((r) => !r.passed).map((r) => r.id),
    layoutFix: verdict.layoutFix,
    generatedLength: generatePassword().length,
  };
}

start().catch((error) => {
  window.hostResult = { error: String(error) };
});
