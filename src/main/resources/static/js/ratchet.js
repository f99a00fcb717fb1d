// Small behaviours for every page. No inline scripts anywhere: the Content-Security-Policy forbids them.
document.addEventListener('DOMContentLoaded', function () {
  // htmx requests carry the CSRF token like forms do.
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // The organisation switcher changes organisation as soon as one is chosen; its button stays for keyboards.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  // A form that takes a while (data-busy) says so while it works, and cannot be sent twice.
  document.querySelectorAll('form[data-busy]').forEach(function (form) {
    form.addEventListener('submit', function () {
      form.querySelectorAll('button[type="submit"]').forEach(function (button) { button.disabled = true; });
      var status = form.querySelector('[data-busy-status]');
      if (status) {
        status.textContent = form.getAttribute('data-busy');
      }
    });
  });
});
