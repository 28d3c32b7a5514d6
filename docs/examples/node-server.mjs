// On a server: the same password policy and error explanations as the
// panel, from the diary-rules package (Node.js >= 18). The package's "node"
// entry loads the wasm when imported: no init() call. Run by
// tests/pkg/node-package.test.mjs from a folder where diary-rules is installed.
import { checkPassword, explainError, generatePassword } from "diary-rules";

/** What a registration endpoint would tell the client about a new password. */
function passwordVerdict(password, personal) {
  const result = checkPassword(password, { personal, lang: "ru" });
  const failed = result.rules.filter((r) => !r.passed).map((r) => r.id);
  return { ok: failed.length === 0, failed, strength: result.strength.score };
}

const weak = passwordVerdict("masha12", ["Маша", "2012-05-10"]);
const strong = passwordVerdict("Tuman-Reka-Lodka-47!", ["Маша", "2012-05-10"]);
// A support form: the user pasted the message the diary showed.
const explanation = explainError("ваш дневник не найдн", { role: "parent", lang: "ru" });
const explained = explanation && { id: explanation.id, actor: explanation.actor, steps: explanation.steps };

// English is there too, without loadLanguage(): the node entry loaded it.
const english = explainError("Ваш дневник не найден", { lang: "en" })?.title;

console.log(JSON.stringify({ weak, strong, explained, english, generated: generatePassword() }));
