// The calls timed by bench/api.mjs, shared by its Node and Chromium runs.
// `m` is the pkg/rules module after init().
export function cases(m) {
  const text = (kb) => {
    const filler = "Здравствуйте! При входе в электронный дневник через Госуслуги пишет ошибку, помогите пожалуйста. ";
    const body = filler.repeat(Math.ceil((kb * 1024) / filler.length)).slice(0, kb * 1024 - 60);
    return `${body} Ваш дневник не найден. Чтобы решить проблему`;
  };
  const texts = { 1: text(1), 10: text(10), 100: text(100), 1024: text(1024) };
  return [
    ["assessEligibility (parent, 10-year-old, check overdue)", () =>
      m.assessEligibility({ role: "parent", birthDate: "2015-09-01", region: "kuzbass", parentAccount: "confirmed",
        certificateStatus: "checking", snilsStatus: "searching", studentAccount: "none",
        checkRequestedAt: "2026-03-06T18:00", now: "2026-03-16T18:01" })],
    ["assessEligibility (student, 15, minimal input)", () => m.assessEligibility({ role: "student", birthDate: "2011-03-01", today: "2026-11-22" })],
    ["checkPassword (typical, with personal data)", () => m.checkPassword("Masha2012!", { personal: ["Маша", "2012-05-10"], confirm: "Masha2012!" })],
    ["generatePassword ()", () => m.generatePassword()],
    ["generatePassword ({ memorable: true })", () => m.generatePassword({ memorable: true })],
    ["explainError (typo'd message, 25 characters)", () => m.explainError("ваш дневник не найдн", { role: "parent" })],
    ["explainError (1 KB paste)", () => m.explainError(texts[1])],
    ["explainError (10 KB paste)", () => m.explainError(texts[10])],
    ["explainError (100 KB paste)", () => m.explainError(texts[100])],
    ["explainError (1 MB paste)", () => m.explainError(texts[1024])],
    ["listErrors", () => m.listErrors("ru")],
    ["checkSnils (valid)", () => m.checkSnils("112-233-445 95")],
    ["checkSnils (checksum, with suggestions)", () => m.checkSnils("112-233-445 59")],
    ["checkBirthCertificate", () => m.checkBirthCertificate("IV-MЮ 123456")],
    ["compareRecords", () => m.compareRecords(
      { lastName: "Фёдоров", firstName: "Иван", middleName: "Петрович", birthDate: "2012-05-10", snils: "112-233-445 95" },
      { lastName: "Федоров", firstName: "Иван", middleName: "Петрович", birthDate: "2012-10-05", snils: "112-233-445 95" })],
  ];
}

/** Median time per call: batches of doubling size until one takes 5 ms, then 15 batches. */
export function timeAll(list) {
  const out = [];
  for (const [name, f] of list) {
    f();
    let k = 1;
    const batch = () => {
      const t0 = performance.now();
      for (let i = 0; i < k; i++) f();
      return performance.now() - t0;
    };
    while (batch() < 5 && k < 1 << 16) k *= 2;
    const samples = Array.from({ length: 15 }, () => batch() / k).sort((a, b) => a - b);
    out.push({ name, ms: samples[7] });
  }
  return out;
}
