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
  // The page's nonce, Web Chat's documented way to mark the style elements it writes. This version fills them through
  // the CSSOM, which the policy does not govern, so the chat runs without it too; it is passed for when it writes text.
  var nonce = document.currentScript ? document.currentScript.nonce : undefined;
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
            if (!context.flow && !context.page) return next(action);
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

  // The conversation follows the person from page to page of the portal (and survives a reload) for as long as
  // its token lives: the tab keeps the token and conversation id, and Web Chat resumes from them, showing the
  // history. A new conversation only when there is none, so the page context opens a flow only once.
  var storageKey = 'maglearn.chat';

  function tokenExpiry(token) {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload)).exp * 1000;
    } catch (e) {
      return 0;
    }
  }

  function savedSession() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      return saved && tokenExpiry(saved.token) > Date.now() + 60000 ? saved : null;
    } catch (e) {
      return null;
    }
  }

  function save(session) {
    try { sessionStorage.setItem(storageKey, JSON.stringify(session)); } catch (e) { /* storage off: no resume */ }
  }

  function newSession() {
    return fetch('/api/webchat/token', { method: 'POST' }).then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    });
  }

  var resumed = savedSession();
  (resumed ? Promise.resolve(resumed) : newSession())
    .then(function (session) {
      save({ token: session.token, conversationId: session.conversationId, domain: session.domain, userId: session.userId });
      if (resumed) context = {};
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        conversationId: resumed ? session.conversationId : undefined,
        domain: session.domain,
        webSocket: !polling,
        pollingInterval: 500
      });
      // A saved conversation the host no longer has (it restarted) or a token that ran out: start afresh, once.
      if (resumed) {
        directLine.connectionStatus$.subscribe(function (status) {
          var expired = 3, failed = 4, ended = 5;
          if (status === expired || status === failed || status === ended) {
            sessionStorage.removeItem(storageKey);
            window.location.reload();
          }
        });
      }
      // directlinejs refreshes its token every 15 minutes; keep the saved one current.
      setInterval(function () {
        if (directLine.token && directLine.token !== session.token) {
          session.token = directLine.token;
          save({ token: session.token, conversationId: session.conversationId, domain: session.domain, userId: session.userId });
        }
      }, 30000);
      var store = window.WebChat.createStore({}, joinOnConnect());
      window.magChat = { directLine: directLine, store: store, userId: session.userId, conversationId: session.conversationId, resumed: !!resumed };
      host.innerHTML = '';
      window.WebChat.renderWebChat({
        directLine: directLine,
        store: store,
        locale: 'en-US',
        username: 'You',
        nonce: nonce,
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
