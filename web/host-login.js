// The demo host page's own «Войти через Госуслуги» button. It stands for the
// diary's redirect to Gosuslugi and does not depend on the help widget, so
// the tests can show that the login still works when the widget cannot start.
const button = document.querySelector("#gosuslugi-login");
const status = document.querySelector("#login-status");
button?.addEventListener("click", () => {
  if (status) status.textContent = "Демо: здесь откроется страница входа Госуслуг.";
});
