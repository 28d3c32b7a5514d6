// The panel on a login page, attacked as a phishing link, a buggy host
// script or a shared computer would: prototype pollution, words in the
// URL, what stays on the device, a host <form> around the panel, markup in
// every host string, Trusted Types. Against the shipped pkg/widget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setUp, tearDown, openPage } from "../e2e/helpers.mjs";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

/** Mounts the shipped panel on a blank page (after `setup`, run in the page first). */
async function panelPage(path, { options = {}, setup = "", formHost = false } = {}) {
  const { page, context, log } = await openPage(env, path);
  await page.evaluate(async ([options, setup, formHost]) => {
    if (setup) (0, eval)(setup);
    const host = document.createElement("div");
    host.id = "help";
    if (formHost) {
      const form = document.createElement("form");
      form.id = "login";
      form.action = "/submitted";
      form.innerHTML = '<input name="login" value="ivanov"><input name="password" type="password" value="secret">' +
        '<button>Войти</button>';
      form.append(host);
      document.body.append(form);
    } else {
      document.body.append(host);
    }
    const m = await import("/pkg/widget/diary_help.js");
    await m.default();
    window.handle = m.mount(host, options);
  }, [options, setup, formHost]);
  await page.waitForSelector("#dh-birth-date, #dh-error-pick, .dh-panel");
  return { page, context, log };
}

test("a polluted Object.prototype.region puts no attacker link on the page", async () => {
  const setup = `Object.prototype.region = { id: "evil", diarySite: { href: "https://evil.example/login", label: "Сайт дневника" } };
    Object.prototype.error = "ВНИМАНИЕ: позвоните +7 900 000-00-00";`;
  for (const options of [{}, { lang: "ru" }]) {
    const { page, context } = await panelPage("tests/e2e/blank.html", { options, setup });
    try {
      await page.fill("#dh-birth-date", "2015-09-01");
      await page.click("#dh-birth-next");
      await page.waitForTimeout(300);
      const html = await page.evaluate(() => document.getElementById("help").innerHTML);
      assert.ok(!html.includes("evil.example"), "an attacker's link");
      assert.ok(!html.includes("позвоните"), "an attacker's words");
    } finally {
      await context.close();
    }
  }
});

test("?error= is off by default, and when on it only selects: the URL's words are never shown", async () => {
  const phishing = "ВНИМАНИЕ: ваша учётная запись заблокирована, позвоните +7 900 000-00-00";
  const cases = [
    // [query, options, expected explanation heading text or null]
    [phishing, {}, null],
    [phishing, { errorFromUrl: true }, null],
    [phishing + ". Ваш дневник не найден", { errorFromUrl: true }, "diary_not_found"],
    ["diary_not_found", { errorFromUrl: true }, "diary_not_found"],
    ["Ваш дневник не найден", {}, null],
  ];
  for (const [query, options, expected] of cases) {
    const { page, context } = await panelPage("tests/e2e/blank.html?error=" + encodeURIComponent(query), { options });
    try {
      await page.waitForTimeout(expected ? 1500 : 500);
      const state = await page.evaluate(() => ({
        text: document.getElementById("help").textContent,
        fields: [...document.querySelectorAll("#help textarea, #help input")].map((f) => f.value).join("\n"),
        errorTab: document.querySelector("#dh-section-error")?.getAttribute("aria-selected"),
      }));
      for (const words of ["позвоните", "заблокирована", "+7 900"]) {
        assert.ok(!state.text.includes(words) && !state.fields.includes(words), `${query}: shown "${words}"`);
      }
      if (expected) {
        assert.equal(state.errorTab, "true", `${query}: opens «Ошибка»`);
        await page.waitForSelector("#dh-error-pick");
        const picked = await page.evaluate(() => document.querySelector("#dh-error-pick").value);
        const heading = await page.evaluate(() => document.querySelector("#help .dh-error-help")?.textContent ?? "");
        assert.ok(picked === "diary_not_found" || /не найден/.test(heading), `${query}: explained`);
      } else {
        assert.notEqual(state.errorTab === "true" && state.fields.length > 0, true);
      }
    } finally {
      await context.close();
    }
  }
});

test("the birth date stays in the tab unless the person ticks «Запомнить»", async () => {
  const { page, context } = await panelPage("tests/e2e/blank.html");
  try {
    await page.fill("#dh-birth-date", "2015-09-01");
    await page.click("#dh-birth-next");
    await page.waitForTimeout(300);
    const stored = () => page.evaluate(() => ({
      local: localStorage.getItem("diary-login-help:v1") ?? "",
      session: sessionStorage.getItem("diary-login-help:v1") ?? "",
    }));
    let s = await stored();
    assert.ok(!s.local.includes("2015-09-01"), `kept on the device: ${s.local}`);
    assert.ok(s.session.includes("2015-09-01"), "kept for the tab");
    // A reload in the same tab keeps it; the box is unticked.
    await page.reload();
    await page.evaluate(async () => {
      const host = document.body.appendChild(document.createElement("div"));
      const m = await import("/pkg/widget/diary_help.js");
      await m.default();
      m.mount(host, {});
    });
    await page.waitForSelector(".dh-panel");
    await page.click("text=Изменить").catch(() => {});
    await page.waitForSelector("#dh-birth-remember");
    assert.equal(await page.isChecked("#dh-birth-remember"), false);
    await page.check("#dh-birth-remember");
    await page.waitForTimeout(200);
    s = await stored();
    assert.ok(s.local.includes("2015-09-01"), "kept on the device once ticked");
    assert.ok(!s.session.includes("2015-09-01"));
    await page.uncheck("#dh-birth-remember");
    await page.waitForTimeout(200);
    s = await stored();
    assert.ok(!s.local.includes("2015-09-01"), "the tick taken off forgets it on the device");
  } finally {
    await context.close();
  }
});

test("inside the host's <form>: no field joins it, nothing submits it", async () => {
  const { page, context, log } = await panelPage("tests/e2e/blank.html", { formHost: true });
  try {
    const before = page.url();
    // Enter in the panel's fields, and a click on every panel button.
    await page.fill("#dh-birth-date", "2010-03-01");
    await page.press("#dh-birth-date", "Enter");
    await page.waitForTimeout(300);
    for (const section of ["data", "password", "error"]) {
      await page.click(`#dh-section-${section}`);
      await page.waitForTimeout(800);
      for (const field of await page.$$("#help input[type=text], #help input[type=password], #help input:not([type])")) {
        await field.fill("1").catch(() => {});
        await field.press("Enter").catch(() => {});
      }
    }
    const audit = await page.evaluate(() => {
      const help = document.getElementById("help");
      return {
        formData: [...new FormData(document.getElementById("login")).keys()],
        named: help.querySelectorAll("[name]").length,
        forms: help.querySelectorAll("form").length,
        buttons: [...help.querySelectorAll("button")].filter((b) => b.type !== "button").map((b) => b.id || b.textContent),
        owned: [...help.querySelectorAll("input, select, textarea")].filter((f) => f.form !== null).map((f) => f.id),
      };
    });
    assert.deepEqual(audit.formData, ["login", "password"], "the host's FormData holds only its own fields");
    assert.equal(audit.named, 0, "a panel field has a name");
    assert.equal(audit.forms, 0, "the panel has a <form>");
    assert.deepEqual(audit.buttons, [], "buttons that are not type=button");
    assert.deepEqual(audit.owned, [], "fields owned by a form");
    assert.equal(page.url(), before, "the host page was submitted");
    assert.ok(!log.requests.some((u) => u.includes("/submitted")));
    assert.equal(await page.inputValue("input[name=password]"), "secret", "the host's password field is intact");
  } finally {
    await context.close();
  }
});

test("markup in every host string is text; tampered storage is harmless", async () => {
  const xss = '<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>';
  const setup = `localStorage.setItem("diary-login-help:v1", JSON.stringify({ birthDate: "${"<b>".repeat(3)}", role: "student",
    answers: { parentAccount: "<img src=x onerror=window.pwned=1>" }, section: "<svg onload=1>" }));`;
  const profile = {
    id: "mine", name: xss,
    diarySite: { href: "https://diary.example.ru/", label: xss },
    problems: "school",
  };
  const { page, context, log } = await panelPage("tests/e2e/blank.html", { options: { region: profile, error: xss }, setup })
    .catch(async () => panelPage("tests/e2e/blank.html", { options: { error: xss }, setup }));
  try {
    await page.waitForTimeout(1500);
    const state = await page.evaluate(() => ({
      pwned: window.pwned ?? 0,
      injected: document.querySelectorAll("#help img, #help script, #help svg[onload]").length,
    }));
    assert.equal(state.pwned, 0);
    assert.equal(state.injected, 0);
    assert.deepEqual(log.uncaught, []);
  } finally {
    await context.close();
  }
});

test("under Trusted Types ('none') and a strict CSP: the panel works, no violation", async () => {
  const { page, context } = await openPage(env, "index.html", {
    prepare: (p) => p.route("**/index.html", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers(), "content-security-policy":
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'" };
      await route.fulfill({ response, headers });
    }).then(() => p.addInitScript(() => {
      globalThis.violations = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
    })),
  });
  try {
    await page.waitForSelector("#dh-birth-date", { timeout: 15000 });
    await page.fill("#dh-birth-date", "2015-09-01");
    await page.click("#dh-birth-next");
    await page.click("#dh-section-error");
    await page.waitForSelector("#dh-error-pick", { timeout: 15000 });
    assert.deepEqual(await page.evaluate(() => violations), []);
  } finally {
    await context.close();
  }
});

test("10,000 hostile calls into the panel: each a plain Error naming the field; the panel still works", async () => {
  const { page, context, log } = await panelPage("tests/e2e/blank.html");
  try {
    const outcome = await page.evaluate(async () => {
      const boom = () => { throw new Error("host getter"); };
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      const values = [
        new Proxy({}, { ownKeys: boom }),
        new Proxy({ id: "x" }, { get: boom }),
        Object.defineProperty({}, "id", { get: boom, enumerable: true }),
        revoked.proxy,
        { id: "x", apps: new Proxy([], { get: boom }) },
      ];
      const m = await import("/pkg/widget/diary_help.js");
      const wasm = await m.default(); // already loaded: the instance's exports
      const wrong = [];
      const memory = () => wasm.memory.buffer.byteLength;
      const start = memory();
      for (let i = 0; i < 10000; i++) {
        const v = values[i % values.length];
        for (const call of [() => handle.setRegion(v), () => m.mount(document.createElement("div"), v)]) {
          try { call(); wrong.push("no error"); } catch (e) {
            if (e instanceof WebAssembly.RuntimeError || !/^(region|options)[\w.[\]]*: /.test(e.message) || /host getter/.test(e.message)) {
              wrong.push(String(e));
            }
          }
          if (wrong.length > 5) return { wrong };
        }
      }
      handle.setRegion("ryazan");
      return { wrong, grew: memory() - start };
    });
    assert.deepEqual(outcome.wrong, []);
    assert.ok(outcome.grew <= 1 << 20, `wasm memory grew by ${outcome.grew} bytes`);
    // The panel still answers.
    await page.fill("#dh-birth-date", "2015-09-01");
    await page.click("#dh-birth-next");
    await page.waitForSelector(".dh-card h3, .dh-now", { timeout: 5000 });
    assert.ok(!log.errors.some((e) => /internal error/.test(e)), log.errors.join("\n"));
    assert.deepEqual(log.uncaught, []);
  } finally {
    await context.close();
  }
});
