// Starts Bot Framework Web Chat against this host: a token from /api/webchat/token (the Direct Line secret never
// reaches the browser), then the Direct Line the token answer names (the host's own, or Azure's in production).
// URL parameters: embed=1 (inside the portal widget), flow=<flow id> or page=<portal page> (page context: the
// bot opens straight into the matching guided flow), transport=polling (Web Chat's fallback, WebSocket otherwise).
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var embed = params.get('embed') === '1';
  var context = { flow: params.get('flow') || undefined, page: params.get('page') || undefined };
  var polling = params.get('transport') === 'polling';
  var host = document.getElementById('webchat');
  if (embed) document.body.classList.add('embed');

  var styleOptions = {
    accent: '#0a5ea8',
    primaryFont: "'Segoe UI', -apple-system, 'Helvetica Neue', Arial, sans-serif",
    backgroundColor: '#ffffff',
    botAvatarImage: '/img/maglearn-bot.svg',
    botAvatarInitials: 'ML',
    avatarSize: 36,
    bubbleBackground: '#f1f5fa',
    bubbleBorderColor: '#d8e0ea',
    bubbleBorderWidth: 1,
    bubbleBorderRadius: 10,
    bubbleTextColor: '#1f2a37',
    bubbleFromUserBackground: '#0b3d6e',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderWidth: 0,
    bubbleFromUserBorderRadius: 10,
    bubbleMaxWidth: 560,
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#0a5ea8',
    suggestedActionBorderRadius: 16,
    suggestedActionBorderWidth: 1,
    suggestedActionTextColor: '#0a5ea8',
    suggestedActionBackgroundColorOnHover: '#e8f1fa',
    sendBoxButtonColor: '#0a5ea8',
    sendBoxPlaceholderColor: '#5b6776',
    hideUploadButton: true,
    timestampColor: '#5b6776'
  };

  function show(message) {
    host.innerHTML = '';
    var p = document.createElement('p');
    p.className = 'mag-status';
    p.textContent = message;
    host.appendChild(p);
  }

  // Once connected, tell the bot where the chat was opened, so it can open straight into the matching flow.
  function joinOnConnect() {
    return function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            document.body.dataset.chat = 'online';
            api.dispatch({
              type: 'WEB_CHAT/SEND_EVENT',
              payload: { name: 'webchat/join', value: { flow: context.flow, page: context.page, language: navigator.language } }
            });
          }
          return next(action);
        };
      };
    };
  }

  fetch('/api/webchat/token', { method: 'POST' })
    .then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: session.domain,
        webSocket: !polling,
        pollingInterval: 500
      });
      var store = window.WebChat.createStore({}, joinOnConnect());
      window.magChat = { directLine: directLine, store: store, userId: session.userId, conversationId: session.conversationId };
      host.innerHTML = '';
      window.WebChat.renderWebChat({
        directLine: directLine,
        store: store,
        locale: 'en-US',
        username: 'You',
        styleOptions: styleOptions
      }, host);
      var box = host.querySelector('[data-id="webchat-sendbox-input"], input[type="text"], textarea');
      if (box && !embed) box.focus();
    })
    .catch(function () {
      document.body.dataset.chat = 'unavailable';
      show('MagLearn Bot is not available right now. Please try again in a few minutes, or contact Exostar Customer Support.');
    });
})();
