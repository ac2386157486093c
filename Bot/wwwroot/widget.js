// MAG help widget: one script tag on a portal page gives it a launcher button that opens MagLearn Bot.
//
//   <script src="https://<bot host>/widget.js" data-page="login" async></script>
//
// data-page   the portal page (login, registration, credentials, profile, support): the chat opens straight into
//             the guided flow for it (WebChat:PageFlows on the host)
// data-flow   or a guided flow by id (login-assistance, ...)
// data-open   "true" to open the panel at once
// data-label  the launcher's text (default "Need help?")
//
// The chat runs in an iframe served by the bot host: the portal's styles and scripts cannot reach into it, and the
// portal needs no Web Chat code of its own. The launcher and panel live in a shadow root for the same reason.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__magHelpWidget) return;
  window.__magHelpWidget = true;

  var origin = new URL(script.src, window.location.href).origin;
  var data = script.dataset;
  var query = new URLSearchParams({ embed: '1' });
  if (data.page) query.set('page', data.page);
  if (data.flow) query.set('flow', data.flow);

  var css = [
    ':host { all: initial; }',
    '.launcher { position: fixed; right: 24px; bottom: 24px; z-index: 2147483000; display: flex; align-items: center; gap: 10px;',
    '  padding: 12px 20px 12px 14px; border: 0; border-radius: 999px; background: #0b3d6e; color: #fff; cursor: pointer;',
    '  font: 600 15px "Segoe UI", -apple-system, "Helvetica Neue", Arial, sans-serif; box-shadow: 0 6px 20px rgba(11, 61, 110, .35); }',
    '.launcher:hover { background: #0a4c8a; } .launcher:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }',
    '.launcher img { width: 30px; height: 30px; }',
    '.panel { position: fixed; right: 24px; bottom: 92px; z-index: 2147483000; width: 390px; height: min(640px, calc(100vh - 120px));',
    '  display: none; flex-direction: column; background: #fff; border-radius: 14px; overflow: hidden;',
    '  box-shadow: 0 12px 40px rgba(31, 42, 55, .28); border: 1px solid #d8e0ea; }',
    '.panel.open { display: flex; }',
    '.bar { display: flex; align-items: center; gap: 10px; padding: 10px 12px; background: #0b3d6e; color: #fff;',
    '  font: 14px "Segoe UI", -apple-system, "Helvetica Neue", Arial, sans-serif; }',
    '.bar img { width: 34px; height: 34px; } .bar .t { display: flex; flex-direction: column; line-height: 1.25; }',
    '.bar .n { font-weight: 600; font-size: 15px; } .bar .s { font-size: 12px; opacity: .85; }',
    '.close { margin-left: auto; width: 32px; height: 32px; border: 0; border-radius: 8px; background: transparent; color: #fff;',
    '  font-size: 22px; line-height: 1; cursor: pointer; } .close:hover { background: rgba(255, 255, 255, .15); }',
    'iframe { flex: 1; width: 100%; border: 0; }',
    '@media (max-width: 480px) { .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; border-radius: 0; } }'
  ].join('\n');

  var container = document.createElement('div');
  container.setAttribute('data-mag-help', '');
  var root = container.attachShadow({ mode: 'open' });
  var avatar = origin + '/img/maglearn-bot.svg';
  // A portal page whose policy allows styles by nonce gives this script one: the launcher's style carries it too.
  var nonce = script.nonce ? ' nonce="' + script.nonce.replace(/[^A-Za-z0-9+\/=_-]/g, '') + '"' : '';
  root.innerHTML =
    '<style' + nonce + '>' + css + '</style>' +
    '<button class="launcher" type="button" aria-expanded="false" aria-controls="mag-help-panel" data-mag-help="launcher">' +
    '<img alt="" src="' + avatar + '"><span></span></button>' +
    '<section class="panel" id="mag-help-panel" role="dialog" aria-label="MAG help chat" data-mag-help="panel">' +
    '<div class="bar"><img alt="" src="' + avatar + '"><div class="t"><span class="n">MagLearn Bot</span>' +
    '<span class="s">Automated assistant, not a person</span></div>' +
    '<button class="close" type="button" aria-label="Close the help chat" data-mag-help="close">&times;</button></div>' +
    '</section>';
  root.querySelector('.launcher span').textContent = data.label || 'Need help?';

  var launcher = root.querySelector('.launcher');
  var panel = root.querySelector('.panel');
  var frame = null;

  function open() {
    if (!frame) {
      // Made on first open: no token is asked for, and no conversation started, until someone wants help.
      frame = document.createElement('iframe');
      frame.title = 'MagLearn Bot, the MAG help assistant';
      frame.src = origin + '/?' + query.toString();
      frame.setAttribute('data-mag-help', 'chat');
      panel.appendChild(frame);
    }
    panel.classList.add('open');
    launcher.setAttribute('aria-expanded', 'true');
  }

  function close() {
    panel.classList.remove('open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', function () { panel.classList.contains('open') ? close() : open(); });
  root.querySelector('.close').addEventListener('click', close);
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape' && panel.classList.contains('open')) close(); });

  function mount() {
    document.body.appendChild(container);
    if (data.open === 'true') open();
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
