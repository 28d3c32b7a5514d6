// The scenarios of tests/fixtures/eligibility.toml for the browser tests:
// each case's name and input (read with a small reader of the file's
// subset of TOML: `[[case]]`, `name = "…"`, `input = { … }`), and the saved
// state that shows it in the panel (its answers remembered, every other
// question «Не знаю»; dates moved by the distance between the case's day
// and today, as crates/widget/tests/contradictions.rs does).
import { readFileSync } from "node:fs";

const FILE = new URL("../fixtures/eligibility.toml", import.meta.url);

/** An inline TOML table of the fixtures as JSON (keys quoted, `=` → `:`). */
function inlineTable(src) {
  let out = "";
  for (let i = 0; i < src.length;) {
    const c = src[i];
    if (c === '"') {
      const end = src.indexOf('"', i + 1);
      out += src.slice(i, end + 1);
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))[0];
      const rest = src.slice(i + m.length);
      if (/^\s*=/.test(rest)) {
        out += JSON.stringify(m) + ":";
        i += m.length + rest.indexOf("=") + 1;
      } else {
        out += m;
        i += m.length;
      }
    } else {
      out += c;
      i++;
    }
  }
  return JSON.parse(out);
}

/** Every case: `{ index, name, input }`. */
export function cases() {
  const out = [];
  let current;
  for (const line of readFileSync(FILE, "utf8").split("\n")) {
    if (line.startsWith("[[case]]")) {
      current = { index: out.length };
      out.push(current);
    } else if (current && line.startsWith("name = ")) {
      current.name = JSON.parse(line.slice(7));
    } else if (current && line.startsWith("input = ")) {
      current.input = inlineTable(line.slice(8));
    } else if (current && /^error = /.test(line)) {
      current.error = true;
    }
  }
  return out;
}

const QUESTIONS = ["parent_account", "student_account", "certificate_status", "snils_status", "check_requested_at",
  "consent", "parent_consent", "application", "representative", "birth_certificate", "citizenship", "student_password"];

const snake = (k) => k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
const pad = (n) => String(n).padStart(2, "0");
const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The panel's saved state for a case (`reader`: its own role, or
 * "student"), the region id and the age group; null for a case the panel
 * cannot show (an error, a host's own region object, no birth date).
 */
export function saved(c, reader) {
  const input = c.input;
  if (c.error || !input || typeof input.region === "object" || !input.birthDate) return null;
  const day = new Date(`${(input.today ?? input.now).slice(0, 10)}T12:00`);
  const now = new Date();
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 12);
  const shiftDays = Math.round((today - day) / 86400000);
  const shift = (iso) => { const d = new Date(`${iso.slice(0, 10)}T12:00`); d.setDate(d.getDate() + shiftDays); return ymd(d); };
  const clock = input.now ? new Date(input.now) : day;
  const shiftTime = (t) => {
    const d = new Date(new Date(t).getTime() + (now - clock));
    return `${ymd(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  };
  let role = reader ?? input.role ?? "parent";
  if (role === "parent" && input.representative === "guardian") role = "guardian";
  const answers = {};
  for (const [k, v] of Object.entries(input)) {
    const q = snake(k);
    if (!QUESTIONS.includes(q) || q === "representative" || typeof v !== "string") continue;
    answers[q] = q === "check_requested_at" ? shiftTime(v) : v;
  }
  const unknown = QUESTIONS.filter((q) => !(q in answers));
  return {
    region: input.region ?? "generic",
    state: { answers, birthDate: shift(input.birthDate), birthChecked: true, rememberBirth: true, unknown, role, section: "next" },
  };
}

export const STORAGE_KEY = "diary-login-help:v1";
