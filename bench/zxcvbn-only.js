// The peer page of the first-render benchmark: zxcvbn is loaded and has
// scored a password (its dictionaries are built on the first call).
const strength = document.querySelector("#strength");
strength.textContent = `zxcvbn: ${zxcvbn("Masha2012!").score}/4`;
document.documentElement.dataset.ready = "zxcvbn";
