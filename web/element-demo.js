// The element demo page: passes the page URL's `role`, `lang` and `error`
// parameters on to <diary-login-help> as attributes.
const help = document.querySelector("diary-login-help");
const params = new URLSearchParams(location.search);
for (const name of ["role", "lang", "region", "error"]) {
  const value = params.get(name);
  if (value) help.setAttribute(name, value);
}
