// The element demo page: passes the page URL's `role`, `lang` and `region`
// parameters on to <diary-login-help> as attributes, and opts in to
// `error-from-url`, so a link can open the panel on a given error
// (`?error=diary_not_found`, or a message the rules recognise). The URL's
// `error` is never copied into the `error` attribute: anyone can send a link
// to a login page, and the attribute's text is shown as the message the
// person saw; error-from-url only selects an explanation.
const help = document.querySelector("diary-login-help");
const params = new URLSearchParams(location.search);
for (const name of ["role", "lang", "region"]) {
  const value = params.get(name);
  if (value) help.setAttribute(name, value);
}
help.setAttribute("error-from-url", "");
