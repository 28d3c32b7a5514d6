// The element's stylesheet (web/diary-help.css) as a module: its text, from
// which <diary-login-help> builds a constructable stylesheet. Imported by
// diary-login-help.js; a host has no need to import it.
declare const css: string;
export default css;
