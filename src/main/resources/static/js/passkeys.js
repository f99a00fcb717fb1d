// Passkeys (WebAuthn) for the sign-in page, the one-time code page and "Your account". The ceremony's endpoints are
// Spring Security's; binary fields travel as base64url. No inline script: the Content-Security-Policy forbids it.
(function () {
  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var text = window.atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return window.btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function headers() {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    var all = { 'Content-Type': 'application/json' };
    if (header && token) {
      all[header.content] = token.content;
    }
    return all;
  }

  function post(path, body) {
    var root = document.querySelector('meta[name="context-path"]');
    return fetch((root ? root.content : '/').replace(/\/$/, '') + path, {
      method: 'POST', headers: headers(), credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined
    });
  }

  function say(element, message) {
    if (element) {
      element.textContent = message;
      element.hidden = false;
    }
  }

  async function signIn(button) {
    var problem = document.getElementById(button.dataset.problem);
    try {
      var answer = await post('/webauthn/authenticate/options');
      if (!answer.ok) {
        throw new Error('Ratchet could not start the passkey sign-in (' + answer.status + ').');
      }
      var options = await answer.json();
      options.challenge = toBytes(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: toBytes(c.id) });
      });
      var credential = await navigator.credentials.get({ publicKey: options });
      var response = credential.response;
      var result = await post('/login/webauthn', {
        id: credential.id,
        rawId: toText(credential.rawId),
        response: {
          authenticatorData: toText(response.authenticatorData),
          clientDataJSON: toText(response.clientDataJSON),
          signature: toText(response.signature),
          userHandle: response.userHandle ? toText(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
      var outcome = await result.json().catch(function () { return {}; });
      if (outcome.redirectUrl) {
        window.location.href = outcome.redirectUrl;
        return;
      }
      throw new Error(outcome.message || 'That passkey did not sign you in.');
    } catch (e) {
      say(problem, e.name === 'NotAllowedError' ? 'No passkey was used: the request was cancelled or timed out.' : e.message);
    }
  }

  async function register(form) {
    var problem = document.getElementById(form.dataset.problem);
    var label = form.querySelector('[name="label"]').value.trim();
    if (!label) {
      say(problem, 'Name the passkey, e.g. "Work laptop".');
      return;
    }
    try {
      var answer = await post('/webauthn/register/options');
      if (!answer.ok) {
        throw new Error('Ratchet could not start making a passkey (' + answer.status + ').');
      }
      var options = await answer.json();
      options.challenge = toBytes(options.challenge);
      options.user = Object.assign({}, options.user, { id: toBytes(options.user.id) });
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: toBytes(c.id) });
      });
      var credential = await navigator.credentials.create({ publicKey: options });
      var response = credential.response;
      var result = await post('/webauthn/register', {
        publicKey: {
          label: label,
          credential: {
            id: credential.id,
            rawId: toText(credential.rawId),
            response: {
              attestationObject: toText(response.attestationObject),
              clientDataJSON: toText(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            type: credential.type,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          }
        }
      });
      var outcome = await result.json().catch(function () { return {}; });
      if (!result.ok || !outcome.success) {
        throw new Error('Ratchet did not keep the passkey (' + result.status + ').');
      }
      window.location.href = form.dataset.done;
    } catch (e) {
      say(problem, e.name === 'InvalidStateError' ? 'This device has a passkey for your account already.'
        : e.name === 'NotAllowedError' ? 'No passkey was made: the request was cancelled or timed out.' : e.message);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var supported = !!window.PublicKeyCredential;
    document.querySelectorAll('[data-passkey-sign-in]').forEach(function (button) {
      button.hidden = !supported;
      button.addEventListener('click', function () { signIn(button); });
    });
    document.querySelectorAll('form[data-passkey-register]').forEach(function (form) {
      if (!supported) {
        say(document.getElementById(form.dataset.problem), 'This browser cannot make passkeys.');
      }
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        register(form);
      });
    });
  });
})();
