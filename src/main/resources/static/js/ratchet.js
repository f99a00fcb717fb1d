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
  // Unsaved changes: a form someone typed into and has not sent is not lost by a click elsewhere without a question.
  var unsaved = new Set();
  function watched(form) {
    return form && form.method === 'post' && !form.hasAttribute('data-no-unsaved-warning')
      && !form.querySelector('select[data-autosubmit]');
  }
  function edited(event) {
    var form = event.target && event.target.form;
    if (watched(form) && event.target.type !== 'hidden') {
      unsaved.add(form);
      if (form.hasAttribute('data-autosave')) {
        autosaveSoon(form, event.type === 'change' ? 0 : 800);
      }
    }
  }
  document.addEventListener('input', edited);
  document.addEventListener('change', edited);
  document.body.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.successful) {
      unsaved.delete(event.detail.elt);
    }
  });
  window.addEventListener('beforeunload', function (event) {
    if (unsaved.size > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // Autosave (form[data-autosave]): the form is posted with X-Autosave a moment after each change; the answer is the
  // record's new version, which every [data-record-version] field on the page then carries, or the field messages.
  var timers = new Map();
  var saving = new Map();
  function statusOf(form) {
    return document.querySelectorAll('[data-autosave-for="' + form.id + '"]');
  }
  function say(form, text, kind) {
    statusOf(form).forEach(function (status) {
      status.textContent = text;
      status.classList.toggle('text-danger', kind === 'error');
      status.classList.toggle('text-success', kind === 'saved');
      status.classList.toggle('text-muted', kind === 'pending');
    });
  }
  function markFields(form, errors) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.classList.contains('is-invalid') && !(field.name in errors)) {
        field.classList.remove('is-invalid');
        field.removeAttribute('aria-invalid');
      }
    });
    Object.keys(errors).forEach(function (name) {
      var field = Array.prototype.find.call(form.elements, function (f) { return f.name === name; });
      if (field) {
        field.classList.add('is-invalid');
        field.setAttribute('aria-invalid', 'true');
        var feedback = field.parentNode.querySelector('.invalid-feedback');
        if (feedback) {
          feedback.textContent = errors[name];
        }
      }
    });
  }
  function autosaveSoon(form, delay) {
    clearTimeout(timers.get(form));
    say(form, 'Not saved yet…', 'pending');
    timers.set(form, setTimeout(function () { autosave(form); }, delay));
  }
  function autosave(form) {
    clearTimeout(timers.get(form));
    timers.delete(form);
    if (saving.has(form)) {
      return saving.get(form).then(function () { return unsaved.has(form) ? autosave(form) : true; });
    }
    if (!unsaved.has(form)) {
      return Promise.resolve(true);
    }
    unsaved.delete(form);
    say(form, 'Saving…', 'pending');
    var headers = { 'X-Autosave': 'true', 'Accept': 'application/json' };
    if (header && token) {
      headers[header.content] = token.content;
    }
    var request = fetch(form.action, { method: 'POST', credentials: 'same-origin', headers: headers,
        body: new URLSearchParams(new FormData(form)) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (response.ok) {
            document.querySelectorAll('input[data-record-version]').forEach(function (field) { field.value = answer.version; });
            markFields(form, {});
            say(form, 'Saved at ' + new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) + '.', 'saved');
            return true;
          }
          unsaved.add(form);
          markFields(form, answer.errors || {});
          say(form, 'Not saved: ' + (answer.message || ('the server answered ' + response.status)), 'error');
          return false;
        });
      }, function () {
        unsaved.add(form);
        say(form, 'Not saved: Ratchet cannot be reached. It tries again in a few seconds; nothing you typed is lost.', 'error');
        timers.set(form, setTimeout(function () { autosave(form); }, 10000));
        return false;
      });
    saving.set(form, request);
    return request.finally(function () { saving.delete(form); });
  }
  // A form sent while autosaved changes wait or are on their way (recording a decision during the minutes, or the
  // minutes' own button) first lets them be saved, so that the page it leads to still has them and the form carries
  // the record's version after that save. If they cannot be saved, another form stays and says why; the autosaved
  // form itself is then sent as it is, for the page to show what is wrong beside the fields.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute('data-after-autosave')) {
      form.removeAttribute('data-after-autosave');
      unsaved.delete(form);
      return;
    }
    var waiting = Array.prototype.filter.call(document.querySelectorAll('form[data-autosave]'), function (f) {
      return unsaved.has(f) || saving.has(f);
    });
    if (waiting.length === 0) {
      clearTimeout(timers.get(form));
      unsaved.delete(form);
      return;
    }
    event.preventDefault();
    var submitter = event.submitter && event.submitter.form === form ? event.submitter : null;
    Promise.all(waiting.map(autosave)).then(function (results) {
      if (results.every(Boolean) || form.hasAttribute('data-autosave')) {
        form.setAttribute('data-after-autosave', '');
        if (submitter) {
          form.requestSubmit(submitter);
        }
        else {
          form.requestSubmit();
        }
      }
      else {
        var status = statusOf(waiting[0])[0];
        if (status) {
          status.scrollIntoView({ block: 'center' });
        }
      }
    });
  }, true);
  // A link followed while autosaved changes wait (the chair's "Approve the minutes…") saves them first too.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[href]');
    if (!link || link.target || link.hasAttribute('download') || event.defaultPrevented || event.button !== 0
        || event.ctrlKey || event.metaKey || event.shiftKey || link.origin !== window.location.origin
        || (link.pathname === window.location.pathname && link.hash)) {
      return;
    }
    var waiting = Array.prototype.filter.call(document.querySelectorAll('form[data-autosave]'), function (f) {
      return unsaved.has(f) || saving.has(f);
    });
    if (waiting.length === 0) {
      return;
    }
    event.preventDefault();
    Promise.all(waiting.map(autosave)).then(function (results) {
      if (results.every(Boolean)) {
        window.location.href = link.href;
      }
    });
  });
  // Required fields (aria-required, set from the form's constraints) carry a mark on their label before any submit.
  document.querySelectorAll('[aria-required="true"], [required]').forEach(function (field) {
    var label = field.id && document.querySelector('label[for="' + field.id + '"]');
    if (label && !label.querySelector('.required-mark')) {
      var mark = document.createElement('span');
      mark.className = 'required-mark';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = ' *';
      label.appendChild(mark);
    }
  });
  // A field refused by the server is marked for assistive technology too, its message is read with it, and the
  // first of them has the focus, so the person lands where the fix is.
  var invalid = document.querySelectorAll('.is-invalid');
  invalid.forEach(function (field, index) {
    field.setAttribute('aria-invalid', 'true');
    var feedback = field.parentNode.querySelector('.invalid-feedback');
    if (feedback && feedback.textContent.trim()) {
      if (!feedback.id) {
        feedback.id = (field.id || field.name || 'field-' + index).replace(/[^A-Za-z0-9_-]/g, '-') + '-error';
      }
      var described = (field.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (described.indexOf(feedback.id) < 0) {
        described.push(feedback.id);
        field.setAttribute('aria-describedby', described.join(' '));
      }
    }
  });
  if (invalid.length > 0 && typeof invalid[0].focus === 'function') {
    var details = invalid[0].closest('details');
    if (details) {
      details.open = true;
    }
    invalid[0].focus({ preventScroll: true });
    invalid[0].scrollIntoView({ block: 'center' });
  }
  // Parts of a form that belong to one choice (the root cause method's own fields) show only while it is chosen;
  // hidden, their fields are not sent, and what was typed in them comes back when the choice does.
  document.querySelectorAll('[data-when-field]').forEach(function (part) {
    var form = part.closest('form');
    var name = part.getAttribute('data-when-field');
    function update() {
      var chosen = form.querySelector('input[name="' + name + '"]:checked');
      var shown = chosen !== null && chosen.value === part.getAttribute('data-when');
      part.hidden = !shown;
      part.querySelectorAll('input, textarea, select').forEach(function (field) { field.disabled = !shown; });
    }
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (radio) { radio.addEventListener('change', update); });
    update();
  });
  // A multiple choice, or a long list (data-searchable), becomes a searchable list: type to filter, Enter to add,
  // Backspace to remove, every chosen entry shown; a plain click no longer clears what was chosen before.
  if (window.TomSelect) {
    document.querySelectorAll('select[multiple], select[data-searchable]').forEach(function (select) {
      if (select.tomselect) {
        return;
      }
      var label = select.id && document.querySelector('label[for="' + select.id + '"]');
      new window.TomSelect(select, {
        plugins: select.multiple ? ['remove_button'] : [],
        maxOptions: null,
        hidePlaceholder: true,
        placeholder: select.multiple ? 'Type to search, Enter to add' : 'Type to search',
        onInitialize: function () {
          // The typed-in field, and the hidden list it stands for, are named by the select's label.
          if (label) {
            var name = label.textContent.replace('*', '').trim();
            if (this.control_input) {
              this.control_input.setAttribute('aria-label', name);
            }
            select.setAttribute('aria-label', name);
          }
        }
      });
    });
  }
  // A choice that is the whole form (the audit programme's year) applies as soon as it is made; its button stays for keyboards.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  // A form that takes a while (data-busy) says so while it works, and cannot be sent twice.
  document.querySelectorAll('form[data-busy]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (event.defaultPrevented) {
        return;
      }
      form.querySelectorAll('button[type="submit"]').forEach(function (button) { button.disabled = true; });
      var status = form.querySelector('[data-busy-status]');
      if (status) {
        status.textContent = form.getAttribute('data-busy');
      }
    });
  });
});
