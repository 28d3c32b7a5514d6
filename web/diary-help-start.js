// diary-help-start.js: help on the screen before the WebAssembly arrives,
// and without it.
//
//   import { start } from "diary-help-widget/start";
//   start("#diary-help", { region: "kuzbass" }).then((panel) => …);
//
// `start(target, options)` draws the panel's first screen at once, as
// plain DOM (the title, the role tabs and the birth-date question: they need
// no rules), loads the widget module and its wasm in parallel, and then
// mounts the real panel in its place, carrying over what the person did in
// the meantime: the role, the typed date, the tick, the focus and a pressed
// «Дальше» or section tab. The promise resolves to the panel's handle (as
// `mount()` returns it).
//
// Where WebAssembly cannot run (iPhone Lockdown Mode, a hardened browser, a
// CSP without 'wasm-unsafe-eval', a file that does not load), the host's
// fallback text comes back and, beside it, a static guide: a role and age
// chooser and the matching plan, read from our own
// guide/fallback.<lang>.json (no other request, text rendered as text). The
// promise then rejects with the reason, as `init()` would. The host turns
// the static guide off with the option `staticGuide: false`.
//
// The words come from the rules' text data: scripts/static-texts.mjs puts
// the texts of every "ui.…" string literal below into TEXTS when it builds
// pkg/. The first
// screen mirrors the Yew panel's markup (the same ids and classes, so the
// same CSS); tests/e2e/first-screen.test.mjs compares the two.

const TEXTS = null; // scripts/static-texts.mjs: { ru: { id: text }, en: { … } }
// scripts/static-texts.mjs: { ru: "sha384-…", en: … } of guide/fallback.<lang>.json,
// built together with this file; the guide is read only if it is that file.
const GUIDE_INTEGRITY = null;

const WASM = new URL("./diary_help_bg.wasm", import.meta.url);
const GUIDE = "./guide/"; // a variable: bundlers leave it alone
// The role and section tabs, by id, with their labels' text ids (the
// panel's closed sets Role and Section; the first-screen test compares).
const ROLE_TABS = { parent: "ui.role.parent", guardian: "ui.role.guardian", student: "ui.role.student" };
const SECTION_TABS = { next: "ui.section.next", error: "ui.section.error", password: "ui.section.password", data: "ui.section.data" };
const ROLES = Object.keys(ROLE_TABS);
/** How old a birth date the panel's date input accepts (diary_rules::age::MAX_AGE_YEARS). */
const MAX_AGE_YEARS = 100;
/** The options `start` reads itself; the rest go to `mount()`. */
const OWN_OPTIONS = ["staticGuide"];

let ready = null;

/**
 * Marks `promise` handled, so that a rejection nobody else awaits (the
 * host's code threw before it could) is never an unhandled rejection of
 * the page. With `await`, not `.catch()`: a host page may have replaced
 * Promise.prototype's methods before this module ran.
 */
export async function quiet(promise) {
  try {
    await promise;
  } catch { /* the caller that awaits it handles it */ }
}

/**
 * Loads the widget module and its wasm once; resolves to the module. The
 * wasm download starts together with the module's instead of after it: one
 * round trip less on a slow network. Rejects at once where there is no
 * WebAssembly.
 */
export function load() {
  if (ready === null) {
    ready = (async () => {
      if (typeof WebAssembly !== "object" || WebAssembly === null) {
        throw new Error("diary-help: this browser runs no WebAssembly");
      }
      const wasm = fetch(WASM);
      quiet(wasm); // awaited by the glue; a failed import must not leave it unhandled
      const widget = await import("./diary_help.js");
      await widget.default({ module_or_path: wasm });
      return widget;
    })();
    quiet(ready);
  }
  return ready;
}

/**
 * The child nodes of `element` but `except`, as a plain list: read with
 * the DOM's own links, not an iterator or an Array method a host page may
 * have broken (so the fallback can always be put back).
 */
function childrenOf(element, except = null) {
  const nodes = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node !== except) nodes[nodes.length] = node;
  }
  return nodes;
}

/** Puts `nodes` (the host's fallback) back as the only children of `element`. */
function restore(element, nodes) {
  while (element.firstChild) element.removeChild(element.firstChild);
  for (let i = 0; i < nodes.length; i++) element.appendChild(nodes[i]);
}

/** An own, non-inherited property of a host's options object (never a getter of a proxy's prototype). */
function own(object, key) {
  try {
    if (object === null || typeof object !== "object") return undefined;
    const d = Object.getOwnPropertyDescriptor(object, key);
    return d && "value" in d ? d.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language of `options.lang` read as the rules read a tag (Lang::parse:
 * the primary subtag, any case, "en-GB" is "en"), among the languages TEXTS
 * holds (each language of the data); the first of them (Russian) otherwise.
 * So the first screen and the panel that takes over agree on every tag.
 */
function langOf(options) {
  const tag = own(options, "lang");
  const codes = TEXTS ? Object.keys(TEXTS) : ["ru"];
  const primary = typeof tag === "string" ? tag.trim().split(/[-_]/)[0].toLowerCase() : "";
  return codes.find((code) => code === primary) ?? codes[0];
}

function roleOf(options) {
  const role = own(options, "role");
  return ROLES.includes(role) ? role : "parent";
}

/** The words of `id` for `lang`, in «ты» when the reader is the student and the data has the variant. */
function words(lang, student) {
  const table = TEXTS?.[lang] ?? TEXTS?.ru ?? {};
  return (id) => (student && table[`${id}_student`]) || table[id] || "";
}

/** h("tag", { attr: value }, ...children): strings become text nodes, never markup. */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "hidden") node.hidden = true;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/**
 * v("tag", { attr: value }, ...children): the same as `h`, as data
 * (`{ tag, attrs, kids }`): the first screen is drawn from it here and
 * written out as HTML a host can paste (scripts/first-screen-html.mjs).
 */
function v(tag, attrs = {}, ...children) {
  // No empty strings: an empty text node is not in the HTML form, and the
  // pasted copy is adopted only if it is node for node this tree.
  return { tag, attrs, kids: children.flat().filter((c) => c !== null && c !== undefined && c !== false && c !== "") };
}

/** The DOM of a `v` tree. */
function dom(node) {
  return typeof node === "string" ? node : h(node.tag, node.attrs, ...node.kids.map(dom));
}

function isoDate(d) {
  const pad = (n, w = 2) => String(n).padStart(w, "0");
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether the browser has a picker for `<input type=kind>` (the panel asks the same). */
function hasPicker(kind) {
  const input = document.createElement("input");
  input.setAttribute("type", kind);
  return input.type === kind;
}

function tabs(label, prefix, labels, selected, text, controls) {
  return v("div", { role: "tablist", "aria-label": label, part: "tabs", class: `dh-tabs dh-${prefix === "role" ? "roles" : "sections"}` },
    Object.keys(labels).map((id) => {
      const on = id === selected;
      return v("button", {
        type: "button", role: "tab", id: `dh-${prefix}-${id}`, "aria-selected": on ? "true" : "false",
        "aria-controls": on ? controls : null, tabindex: on ? "0" : "-1",
        part: on ? "tab tab-selected" : "tab", class: on ? "dh-tab dh-tab-selected" : "dh-tab",
      }, text(labels[id]));
    }));
}

/** The first screen's own element: a `<section>` with these attributes. */
function rootAttrs(lang) {
  return { part: "panel", lang, "aria-labelledby": "dh-title", class: "dh-panel dh-static", "aria-busy": "true" };
}

/**
 * The panel's first screen as the Yew panel draws it before any answer, as
 * a `v` tree: for `lang` and `state` (`{ role, section, pressed }`), with
 * the «запомнить» tick if `remember`, a date picker if `picker`, and the
 * date limits from `today` (none when null: the pasted HTML, whose limits
 * the script sets when it adopts it). scripts/first-screen-html.mjs writes
 * it out as pkg/widget/first-screen.<lang>.html.
 */
export function firstScreenTree(lang, state, { remember = true, picker = true, today = null } = {}) {
  const text = words(lang, state.role === "student");
  const oldest = today && new Date(today.getFullYear() - MAX_AGE_YEARS, today.getMonth(), today.getDate());
  const loading = state.pressed ? text("ui.start.loading") : "";
  const section = state.section === "next"
    ? v("div", { class: "dh-next" },
      v("div", { class: "dh-card dh-ask dh-form" },
        v("h3", { class: "dh-h3", tabindex: "-1" }, v("label", { for: "dh-birth-date" }, text("ui.next.birth_date.label"))),
        v("p", { id: "dh-birth-date-hint", class: "dh-hint" }, text("ui.next.birth_date.hint"),
          picker ? null : ` ${text("ui.date.format_hint")}`),
        v("input", {
          id: "dh-birth-date", type: picker ? "date" : "text", max: picker && today ? isoDate(today) : null,
          min: picker && today ? isoDate(oldest) : null, placeholder: picker ? null : text("ui.date.format"),
          form: "dh-no-form", "aria-describedby": "dh-birth-date-hint dh-birth-date-error", "aria-invalid": "false",
        }),
        v("p", { id: "dh-birth-date-error", class: "dh-verdict dh-bad", role: "status", "aria-live": "polite" }, loading),
        remember ? v("div", { class: "dh-check" },
          v("input", { id: "dh-birth-remember", type: "checkbox", form: "dh-no-form", "aria-describedby": "dh-birth-remember-hint" }),
          v("label", { for: "dh-birth-remember" }, text("ui.next.birth_date.remember")),
          v("p", { id: "dh-birth-remember-hint", class: "dh-hint" }, text("ui.next.birth_date.remember_hint"))) : null,
        v("div", { class: "dh-buttons" }, v("button", { type: "button", id: "dh-birth-next" }, text("ui.guide.continue")))),
      remember ? v("div", { class: "dh-remember" },
        v("p", { class: "dh-hint" }, text("ui.next.remembered")),
        v("button", { type: "button", class: "dh-secondary", id: "dh-forget", disabled: true }, text("ui.next.forget")),
        v("p", { class: "dh-verdict", role: "status", "aria-live": "polite" })) : null)
    : v("p", { class: "dh-hint", role: "status" }, text("ui.lazy.loading"));
  return v("section", rootAttrs(lang),
    v("h2", { id: "dh-title", part: "title", class: "dh-title" }, text("ui.panel.title")),
    v("p", { part: "intro", class: "dh-intro" }, text("ui.panel.intro")),
    tabs(text("ui.role.label"), "role", ROLE_TABS, state.role, text, `dh-role-${state.role}-panel`),
    v("div", { role: "tabpanel", id: `dh-role-${state.role}-panel`, "aria-labelledby": `dh-role-${state.role}` },
      tabs(text("ui.section.label"), "section", SECTION_TABS, state.section, text, `dh-section-${state.section}-panel`),
      v("div", { role: "tabpanel", id: `dh-section-${state.section}-panel`, "aria-labelledby": `dh-section-${state.section}`,
        part: "section", tabindex: "0", class: "dh-section" }, section)));
}

/** The first screen a host pasted into `container` (pkg/widget/first-screen.<lang>.html), or null. */
export function pastedIn(container) {
  return container.querySelector(":scope > section.dh-panel.dh-static");
}

/** The focused element inside `root`, with its selection: `{ id, start, end }`, or null. */
export function focusIn(root) {
  const active = root.getRootNode().activeElement;
  if (!active || !root.contains(active) || !active.id) return null;
  const focus = { id: active.id, start: null, end: null };
  try {
    focus.start = active.selectionStart;
    focus.end = active.selectionEnd;
  } catch { /* date inputs have no selection */ }
  return focus;
}

/** Focuses `focus.id` inside `root` again (after a move or a redraw), with its selection. */
export function refocus(root, focus) {
  const target = focus && root.querySelector(`#${focus.id}`);
  if (!target) return;
  target.focus();
  try {
    if (focus.start !== null) target.setSelectionRange(focus.start, focus.end);
  } catch { /* not a text field */ }
}

/**
 * The panel's first screen, and what the person does with it:
 * `{ root, state(), dispose() }`. `state()`:
 * `{ role, roleChosen, birth, remember, section, pressed, focus }`. With `pasted` (the
 * host's copy of first-screen.<lang>.html, already on the page) that
 * element is adopted as it is, keeping what was typed, ticked and focused
 * before the script ran; only if it is not the first screen these options
 * draw (another language or role, `remember: false`, an edited or stale
 * copy, a browser without a date picker) is it drawn anew, still keeping
 * the typed date, the tick and the focus.
 */
export function firstScreen(options, pasted = null) {
  const lang = langOf(options);
  const remember = own(options, "remember") !== false;
  const picker = hasPicker("date");
  // roleChosen: the person pressed a role tab (their role then wins over the host's at mount).
  const state = { role: roleOf(options), roleChosen: false, birth: "", remember: false, section: "next", pressed: null, focus: null };
  const view = (today) => firstScreenTree(lang, state, { remember, picker, today });
  let root = null;

  const draw = () => {
    const focused = focusIn(root);
    root.replaceChildren(...view(new Date()).kids.map(dom));
    const input = root.querySelector("#dh-birth-date");
    if (input) input.value = state.birth;
    const tick = root.querySelector("#dh-birth-remember");
    if (tick) tick.checked = state.remember;
    refocus(root, focused);
  };

  if (pasted) {
    state.birth = pasted.querySelector("#dh-birth-date")?.value ?? "";
    state.remember = pasted.querySelector("#dh-birth-remember")?.checked ?? false;
    // A host's template may have indented the copy: whitespace between
    // the tags means nothing in this markup.
    const blanks = document.createTreeWalker(pasted, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    const drop = [];
    while (blanks.nextNode()) if (blanks.currentNode.nodeType === Node.COMMENT_NODE || !blanks.currentNode.data.trim()) drop.push(blanks.currentNode);
    for (const node of drop) node.remove();
    if (pasted.isEqualNode(dom(view(null)))) {
      root = pasted;
      const today = new Date();
      const input = root.querySelector("#dh-birth-date");
      input.max = isoDate(today);
      input.min = isoDate(new Date(today.getFullYear() - MAX_AGE_YEARS, today.getMonth(), today.getDate()));
    } else {
      const focused = focusIn(pasted);
      root = h("section", rootAttrs(lang));
      pasted.replaceWith(root);
      draw();
      refocus(root, focused);
    }
  } else {
    root = h("section", rootAttrs(lang));
    draw();
  }

  const keep = () => {
    const input = root.querySelector("#dh-birth-date");
    if (input) state.birth = input.value;
    const tick = root.querySelector("#dh-birth-remember");
    if (tick) state.remember = tick.checked;
  };
  const onInput = () => keep();
  const onClick = (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    if (!button || !root.contains(button)) return;
    keep();
    const [, kind, id] = /^dh-(role|section)-(\w+)$/.exec(button.id) ?? [];
    if (kind === "role" && id !== state.role) {
      state.role = id;
      state.roleChosen = true;
      draw();
      root.querySelector(`#dh-role-${id}`)?.focus();
    } else if (kind === "section" && id !== state.section) {
      state.section = id;
      state.pressed = id === "next" ? null : button.id;
      draw();
      root.querySelector(`#dh-section-${id}`)?.focus();
    } else if (button.id === "dh-birth-next") {
      state.pressed = button.id;
      draw();
    }
  };
  const onKey = (event) => {
    if (event.key === "Enter" && event.target?.id === "dh-birth-date") {
      keep();
      state.pressed = "dh-birth-next";
      draw();
    }
  };
  root.addEventListener("input", onInput);
  root.addEventListener("change", onInput);
  root.addEventListener("click", onClick);
  root.addEventListener("keydown", onKey);
  return {
    root,
    state() {
      keep();
      return { ...state, focus: focusIn(root) };
    },
    dispose() {
      root.removeEventListener("input", onInput);
      root.removeEventListener("change", onInput);
      root.removeEventListener("click", onClick);
      root.removeEventListener("keydown", onKey);
      root.remove();
    },
  };
}

/** Resolves when a `.dh-panel` is in `container` (the panel renders in a microtask after `mount()`). */
function rendered(container) {
  return new Promise((ok) => {
    if (container.querySelector(".dh-panel")) return ok(true);
    const observer = new MutationObserver(() => {
      if (!container.querySelector(".dh-panel")) return;
      observer.disconnect();
      clearTimeout(timer);
      ok(true);
    });
    const timer = setTimeout(() => { observer.disconnect(); ok(false); }, 2000);
    observer.observe(container, { childList: true, subtree: true });
  });
}

/**
 * Carries what the person did on the first screen over to the panel just
 * mounted in `container` (the role went in the mount options), once it has
 * rendered: the typed date and the tick, then the pressed button, then the
 * focus.
 */
export async function carryOver(container, state) {
  if (!(await rendered(container))) return;
  const fill = () => {
    const input = container.querySelector("#dh-birth-date");
    if (input && state.birth && !input.value) {
      input.value = state.birth;
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };
  fill();
  const tick = container.querySelector("#dh-birth-remember");
  if (tick && state.remember && !tick.checked) {
    tick.click();
    // The tick re-renders the card, which may reset the typed value: once
    // the panel's scheduler is done (a task later), put it back.
    await new Promise((ok) => setTimeout(ok, 0));
    fill();
  }
  if (state.section !== "next") container.querySelector(`#dh-section-${state.section}`)?.click();
  else if (state.pressed === "dh-birth-next") container.querySelector("#dh-birth-next")?.click();
  if (!state.pressed) refocus(container, state.focus);
}

function regionIdOf(options) {
  const region = own(options, "region");
  if (typeof region === "string") return region;
  const id = own(region, "id");
  return typeof id === "string" ? id : "generic";
}

function safeHref(href) {
  try {
    const url = new URL(href, import.meta.url);
    return url.protocol === "https:" || url.href.startsWith(new URL(GUIDE, import.meta.url).href) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Whether `bytes` are the file whose SHA-384 is `integrity` ("sha384-…").
 * fetch's own `integrity` is not enough: a host page may have replaced
 * fetch by a polyfill that drops it (XMLHttpRequest cannot check it), so
 * the module checks the bytes itself. Where there is no crypto.subtle (a
 * page served over plain http, whose scripts a network can change anyway)
 * fetch's check is the one there is.
 */
async function isFile(bytes, integrity) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return true;
  const digest = new Uint8Array(await subtle.digest("SHA-384", bytes));
  let binary = "";
  for (let i = 0; i < digest.length; i++) binary += String.fromCharCode(digest[i]);
  return `sha384-${btoa(binary)}` === integrity;
}

/**
 * The static guide for a browser without WebAssembly: a role and age
 * chooser and the plan for the choice, from our own
 * guide/fallback.<lang>.json. Resolves to the element, or null when the
 * file cannot be read or anything else fails (a host page that broke a
 * builtin gets its fallback alone); never rejects.
 */
export async function staticGuide(options, role) {
  try {
    return await guide(options, role);
  } catch {
    return null;
  }
}

async function guide(options, role) {
  const lang = langOf(options);
  let data;
  try {
    const integrity = GUIDE_INTEGRITY?.[lang];
    const response = await fetch(new URL(`${GUIDE}fallback.${lang}.json`, import.meta.url), integrity ? { integrity } : {});
    if (!response.ok) return null;
    const bytes = await response.arrayBuffer();
    if (integrity && !(await isFile(bytes, integrity))) return null;
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  const t = data?.texts;
  const regions = data?.regions;
  if (!t || !regions) return null;
  const region = regions[regionIdOf(options)] ?? regions.generic;
  if (!region) return null;
  // The age groups in the file's order ([{ id, label }], or an object's
  // keys), those with a plan for this region only.
  const ageList = Array.isArray(t.ages) ? t.ages : Object.entries(t.ages ?? {}).map(([id, label]) => ({ id, label }));
  const ageLabels = Object.fromEntries(ageList.map((a) => [a.id, a.label]));
  const ages = ageList.map((a) => a.id).filter((id) => ROLES.some((r) => region.plans?.[`${r}/${id}`]));
  const choice = { role: ROLES.includes(role) ? role : "parent", age: null };
  const plan = h("div", { class: "dh-static-plan", "aria-live": "polite" });
  const group = (name, legend, ids, labels, selected) =>
    h("fieldset", { class: "dh-choices" }, h("legend", {}, legend),
      ids.map((id) => h("label", { class: "dh-check" },
        h("input", { type: "radio", name: `dh-static-${name}`, value: id, checked: id === selected }), ` ${labels[id] ?? id}`)));
  const showPlan = () => {
    const p = choice.age && region.plans?.[`${choice.role}/${choice.age}`];
    if (!p) {
      plan.replaceChildren();
      return;
    }
    const steps = (p.steps ?? []).map((s) => {
      const href = s.link ? safeHref(s.link.href) : null;
      return h("li", {},
        h("h4", {}, String(s.title ?? "")),
        s.who ? h("p", { class: "dh-hint" }, String(s.who)) : null,
        s.text ? h("p", {}, String(s.text)) : null,
        href ? h("p", {}, h("a", { href, rel: "noopener noreferrer", target: "_blank" }, String(s.link.label ?? href))) : null);
    });
    const notes = (p.notes ?? []).map((n) => h("li", {}, String(n)));
    const page = p.page ? safeHref(`${GUIDE}${p.page}`) : null;
    plan.replaceChildren(
      h("ol", { class: "dh-plan dh-static-steps" }, steps),
      notes.length ? h("ul", { class: "dh-notes" }, notes) : null,
      page ? h("p", {}, h("a", { href: page, target: "_blank", rel: "noopener" }, String(t.openFull ?? ""))) : null);
  };
  const root = h("section", { class: "dh-panel dh-static-guide", lang, "aria-labelledby": "dh-static-title", part: "panel" },
    h("h2", { id: "dh-static-title", class: "dh-title", part: "title" }, String(t.heading ?? "")),
    region.name ? h("p", { class: "dh-intro" }, String(region.name)) : null,
    group("role", String(t.chooseRole ?? ""), ROLES, t.roles ?? {}, choice.role),
    group("age", String(t.chooseAge ?? ""), ages, ageLabels, null),
    plan);
  root.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "radio") return;
    if (input.name === "dh-static-role") choice.role = input.value;
    if (input.name === "dh-static-age") choice.age = input.value;
    showPlan();
  });
  return root;
}

function resolve(target) {
  if (typeof target === "string") {
    const found = document.querySelector(target);
    if (!found) throw new Error(`diary-help: start: no element matches the target selector`);
    return found;
  }
  if (!(target instanceof Element)) throw new TypeError("diary-help: start: target must be an Element or a CSS selector");
  return target;
}

/**
 * `mount()`'s options: the host's (own enumerable properties, without the
 * ones `start` reads itself), with the role the person chose on the first
 * screen, if they chose one.
 */
export function mountOptions(options, state) {
  // No prototype: an accessor a host page put on Object.prototype (a
  // setter named like an option) cannot see or refuse what is copied here.
  const out = { __proto__: null };
  if (options !== null && typeof options === "object") {
    let keys;
    try {
      keys = Object.keys(options);
    } catch {
      // A proxy's trap or the like: the host's error is not ours to show.
      throw new TypeError("options: could not be read (a proxy or getter of the host threw)");
    }
    for (const key of keys) {
      if (!OWN_OPTIONS.includes(key)) out[key] = own(options, key);
    }
  }
  if (state.roleChosen && state.role !== roleOf(options)) out.role = state.role;
  return out;
}

/**
 * Draws the first screen in `target` now (or adopts the one the host pasted
 * there, first-screen.<lang>.html), mounts the panel when its wasm is
 * ready, and shows the static guide beside the host's fallback where it
 * cannot run. Resolves to the panel's handle; rejects with the reason the
 * wasm could not run.
 */
export async function start(target, options = {}) {
  const element = resolve(target);
  const loading = load();
  // A first screen the host pasted (first-screen.<lang>.html) stays where
  // it is, focus and all; the rest is the fallback, aside until needed.
  // Everything from here on is inside `try`: whatever fails (a builtin the
  // host page broke before we ran, the wasm), the fallback comes back.
  let pasted = null;
  let fallback = childrenOf(element);
  let screen = null;
  try {
    pasted = pastedIn(element);
    fallback = childrenOf(element, pasted);
    screen = firstScreen(options, pasted);
    for (let i = 0; i < fallback.length; i++) fallback[i].remove();
    if (screen.root.parentNode !== element) element.append(screen.root);
    const { mount } = await loading;
    const state = screen.state();
    screen.dispose();
    const handle = mount(element, mountOptions(options, state));
    await carryOver(element, state);
    return handle;
  } catch (error) {
    let role;
    try {
      role = screen?.state().role;
      screen?.dispose();
    } catch { /* the fallback below is what matters */ }
    restore(element, fallback);
    if (own(options, "staticGuide") !== false) {
      const guide = await staticGuide(options, role);
      if (guide) element.append(guide);
    }
    throw error;
  }
}
