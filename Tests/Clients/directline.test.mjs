// botframework-directlinejs (the client inside Web Chat) as a real client against the host's local Direct Line,
// over both transports: polling (webSocket: false) and the WebSocket stream.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOT, require, webChatToken, waitFor, isBotMessage } from './support.mjs';

// Node has neither of the browser APIs directlinejs is written for.
globalThis.XMLHttpRequest = require('xhr2');
globalThis.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const domain = `${BOT}/v3/directline`;
const open = [];
after(() => open.forEach(dl => dl.end()));

function connect(options) {
  const dl = new DirectLine({ domain, pollingInterval: 300, timeout: 10000, ...options });
  const activities = [];
  const statuses = [];
  const errors = [];
  // directlinejs reports a refused or ended connection as an error on its observables.
  dl.activity$.subscribe(a => activities.push(a), e => errors.push(e));
  dl.connectionStatus$.subscribe(s => statuses.push(s), e => errors.push(e));
  open.push(dl);
  return { dl, activities, statuses, errors };
}

function post(dl, activity) {
  return new Promise((resolve, reject) => dl.postActivity(activity).subscribe(resolve, reject));
}

function says(dl, userId, text) {
  return post(dl, { type: 'message', from: { id: userId }, text, channelData: { clientActivityID: `node-${Math.random()}` } });
}

for (const webSocket of [false, true]) {
  const transport = webSocket ? 'websocket' : 'polling';

  test(`${transport}: the welcome arrives, a question is echoed and answered citing its Learn page`, async () => {
    const { token, userId } = await webChatToken();
    const { dl, activities } = connect({ token, webSocket });
    assert.equal(dl.webSocket, webSocket, `directlinejs uses ${transport}`);

    const welcome = await waitFor(activities, isBotMessage, 15000, 'the welcome');
    if (webSocket) {
      assert.match(dl.streamUrl, /^ws:\/\/.*\/stream\?watermark=\d+&ticket=/);
      assert.ok(!dl.streamUrl.includes(token), 'the token stays out of the stream address');
    }
    assert.match(welcome.text, /not a person/);
    const id = await says(dl, userId, 'how do I pay an invoice?');
    const echo = await waitFor(activities, a => a.id === id, 15000, 'the echo');
    const answer = await waitFor(activities, a => isBotMessage(a) && a.replyToId === id, 15000, 'the answer');

    assert.equal(echo.from.id, userId);
    assert.match(answer.text, /\]\(https?:\/\/[^)\s]+\/learn\/billing-support#[a-z0-9-]+\)/);
  });

  test(`${transport}: reconnecting with the watermark resumes after it, without repeating the conversation`, async () => {
    const { token, conversationId, userId } = await webChatToken();
    const first = connect({ token, webSocket });
    await waitFor(first.activities, isBotMessage, 15000, 'the welcome');
    const firstId = await says(first.dl, userId, 'hello');
    await waitFor(first.activities, a => isBotMessage(a) && a.replyToId === firstId, 15000, 'the first answer');
    const watermark = first.dl.watermark;
    const current = first.dl.token;
    first.dl.end();

    const resumed = connect({ token: current, conversationId, watermark, webSocket });
    await waitFor(resumed.statuses, s => s === ConnectionStatus.Online, 15000, 'online');
    const nextId = await says(resumed.dl, userId, 'thanks');
    await waitFor(resumed.activities, a => isBotMessage(a) && a.replyToId === nextId, 15000, 'the next answer');

    assert.equal(resumed.activities.filter(a => a.id === firstId).length, 0, 'nothing before the watermark comes again');
    assert.equal(resumed.activities.filter(a => /not a person/.test(a.text ?? '')).length, 0, 'no second welcome');
  });

  test(`${transport}: a refreshed token keeps the conversation going`, async () => {
    const { token, userId } = await webChatToken();
    const { dl, activities } = connect({ token, webSocket });
    await waitFor(activities, isBotMessage, 15000, 'the welcome');

    // What the client's refresh loop does every 15 minutes, done now.
    const refreshed = await new Promise((resolve, reject) => dl.refreshToken().subscribe(resolve, reject));
    assert.ok(refreshed && refreshed.split('.').length === 3, 'a new JWT');
    dl.token = refreshed;

    const id = await says(dl, userId, 'how do I pay an invoice?');
    await waitFor(activities, a => isBotMessage(a) && a.replyToId === id, 15000, 'the answer after the refresh');
  });

  test(`${transport}: another conversation's token is refused and shows none of it`, async () => {
    const mine = await webChatToken();
    const theirs = await webChatToken();
    const owner = connect({ token: theirs.token, webSocket });
    await waitFor(owner.activities, isBotMessage, 15000, "the other conversation's welcome");

    const intruder = connect({ token: mine.token, conversationId: theirs.conversationId, webSocket });
    const status = await waitFor(intruder.statuses,
      s => s === ConnectionStatus.FailedToConnect || s === ConnectionStatus.ExpiredToken, 15000, 'a refusal');

    assert.ok(status === ConnectionStatus.FailedToConnect || status === ConnectionStatus.ExpiredToken);
    assert.equal(intruder.activities.length, 0);
    const direct = await fetch(`${domain}/conversations/${theirs.conversationId}/activities?watermark=`,
      { headers: { Authorization: `Bearer ${mine.token}` } });
    assert.equal(direct.status, 403);
  });
}
