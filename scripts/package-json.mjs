// Writes the package.json of a built package: node scripts/package-json.mjs DIR rules|widget VERSION
//
// Both packages are ES modules. `exports` is the contract: "types" first,
// then the conditions; the files a host may address directly (the wasm, the
// element, the stylesheet) have their own subpaths. `sideEffects` lists the
// files that do something when imported (the element script defines
// <diary-login-help>, the stylesheet styles the page), so bundlers keep them.
// The repository URL is read from Cargo.toml's [workspace.package]
// `repository` when it is set there, and `homepage` is then its README. The
// project has no public home yet, so neither is written: no placeholder URL
// that would point users at someone else's page (issue 26).
import { readFileSync, writeFileSync } from "node:fs";

const [dir, kind, version] = process.argv.slice(2);
const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const repo = /^repository\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];

const common = {
  version,
  license: "MIT",
  author: "The diary-login-help authors",
  ...(repo ? {
    repository: { type: "git", url: `git+${repo.replace(/(\.git)?$/, ".git")}`, directory: `pkg/${kind}` },
    homepage: `${repo.replace(/\.git$/, "")}#readme`,
  } : {}),
  type: "module",
  engines: { node: ">=18" },
};

const KEYWORDS = ["gosuslugi", "esia", "e-diary", "school", "login", "help", "password", "snils", "wasm", "webassembly"];

const packages = {
  rules: {
    name: "diary-rules",
    description:
      "The rules behind logging into a Russian school e-diary through Gosuslugi: eligibility, passwords, error explanations, document checks. WebAssembly, for browsers and Node.",
    keywords: KEYWORDS,
    ...common,
    main: "./diary_rules.node.js",
    module: "./diary_rules.js",
    types: "./diary_rules.d.ts",
    exports: {
      ".": {
        types: "./diary_rules.d.ts",
        node: "./diary_rules.node.js",
        default: "./diary_rules.js",
      },
      "./password": { types: "./diary_password.d.ts", default: "./diary_password.js" },
      "./diary_rules_bg.wasm": "./diary_rules_bg.wasm",
      "./diary_password_bg.wasm": "./diary_password_bg.wasm",
      "./diary-texts.en.bin": "./diary-texts.en.bin",
      "./diary-texts-password.en.bin": "./diary-texts-password.en.bin",
      "./package.json": "./package.json",
    },
    files: [
      "diary_rules.js", "diary_rules.node.js", "diary_rules.node.d.ts", "diary_rules.d.ts", "diary_rules_bg.wasm", "diary_rules_bg.wasm.d.ts",
      "diary_password.js", "diary_password.d.ts", "diary_password_bg.wasm", "diary_password_bg.wasm.d.ts",
      "diary-texts.en.bin", "diary-texts-password.en.bin", "README.md", "LICENSE",
    ],
    sideEffects: ["./diary_rules.node.js"],
  },
  widget: {
    name: "diary-help-widget",
    description:
      "A help panel for Russian school e-diary login pages (Gosuslugi sign-in): mount() or the <diary-login-help> custom element. WebAssembly, no network requests.",
    keywords: [...KEYWORDS, "custom-element", "web-component"],
    ...common,
    main: "./diary_help.js",
    module: "./diary_help.js",
    types: "./diary_help.d.ts",
    exports: {
      ".": { types: "./diary_help.d.ts", default: "./diary_help.js" },
      "./element": { types: "./diary-login-help.d.ts", default: "./diary-login-help.js" },
      "./start": { types: "./diary-help-start.d.ts", default: "./diary-help-start.js" },
      "./diary-login-help.js": { types: "./diary-login-help.d.ts", default: "./diary-login-help.js" },
      "./diary-help.css": "./diary-help.css",
      "./diary-help-first.css": "./diary-help-first.css",
      "./diary_help_bg.wasm": "./diary_help_bg.wasm",
      "./diary_help_sections_bg.wasm": "./diary_help_sections_bg.wasm",
      "./diary-texts.en.bin": "./diary-texts.en.bin",
      "./diary-texts-sections.en.bin": "./diary-texts-sections.en.bin",
      // The no-WebAssembly fallback's plans (crates/guide); the pages are files under guide/.
      "./guide/fallback.ru.json": "./guide/fallback.ru.json",
      "./guide/fallback.en.json": "./guide/fallback.en.json",
      // The first screen as HTML to paste into the host's page (scripts/first-screen-html.mjs).
      "./first-screen.ru.html": "./first-screen.ru.html",
      "./first-screen.en.html": "./first-screen.en.html",
      "./package.json": "./package.json",
    },
    files: [
      "diary_help.js", "diary_help.d.ts", "diary_help_bg.wasm", "diary_help_bg.wasm.d.ts",
      "diary_help_sections.js", "diary_help_sections.d.ts", "diary_help_sections_bg.wasm",
      "diary-login-help.js", "diary-login-help.d.ts", "diary-help-css.js", "diary-help-css.d.ts", "diary-help.css", "diary-help-first.css",
      "diary-help-start.js", "diary-help-start.d.ts", "diary-texts.en.bin", "diary-texts-sections.en.bin", "guide/",
      "first-screen.ru.html", "first-screen.en.html", "README.md", "LICENSE",
    ],
    sideEffects: ["./diary-login-help.js", "./diary-help.css", "./diary-help-first.css"],
  },
};

const pkg = packages[kind];
if (!pkg) throw new Error(`package-json.mjs: unknown package kind ${kind}`);
writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
