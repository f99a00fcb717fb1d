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
  // htmx does not put an error answer into the page: when Ratchet cannot reach its database (503) or another request
  // fails, say so at the top of the page instead of leaving the person waiting for a change that does not come.
  document.body.addEventListener('htmx:responseError', function (event) {
    var main = document.getElementById('main');
    if (!main || document.getElementById('request-failed')) {
      return;
    }
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var note = document.createElement('div');
    note.id = 'request-failed';
    note.className = 'alert alert-warning';
    note.setAttribute('role', 'alert');
    note.textContent = status === 503
      ? 'Ratchet cannot reach its database at the moment, so this part of the page was not updated. Nothing you typed is lost: try again in a few seconds.'
      : 'This part of the page could not be updated (' + status + '). Reload the page to try again.';
    main.insertBefore(note, main.firstChild);
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
