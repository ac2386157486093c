// The widget as the portal uses it: the sample login page (Bot/wwwroot/samples/portal-login.html), served here from
// another origin than the bot's, loads /widget.js with one script tag; its launcher opens the chat straight into
// login help (data-page="login"). Screenshots of the page, the open widget and the widget mid-flow in output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BOT, PORTAL_PORT, here } from './support.mjs';
import { launch, newPage, screenshot } from './browser.mjs';

const sample = readFileSync(path.join(here, '..', '..', 'Bot', 'wwwroot', 'samples', 'portal-login.html'), 'utf8');
const timeout = 15000;
const bubble = (chat, words) => chat.locator('.webchat__bubble__content').filter({ hasText: words }).last();
let browser;
let portal;
let portalUrl;

before(async () => {
  // The portal: the sample page as is, but loading the widget from the bot host, as a real portal page would.
  const page = sample.replace('src="/widget.js"', `src="${BOT}/widget.js"`);
  assert.notEqual(page, sample, 'the sample page has the widget script tag');
  // /strict: the same page under a policy that allows styles by nonce only, as a careful portal sets it.
  const nonce = 'portal-nonce-4f1d';
  const strict = page.replace(/<(script|style)\b/g, `<$1 nonce="${nonce}"`);
  const strictPolicy = `default-src 'none'; script-src ${BOT}; style-src 'nonce-${nonce}'; img-src ${BOT} data:; frame-src ${BOT}`;
  portal = createServer((req, res) => {
    const isStrict = req.url.startsWith('/strict');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(isStrict ? { 'Content-Security-Policy': strictPolicy } : {}) });
    res.end(isStrict ? strict : page);
  });
  await new Promise(resolve => portal.listen(PORTAL_PORT, '127.0.0.1', resolve));
  portalUrl = `http://127.0.0.1:${portal.address().port}/login`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await new Promise(resolve => portal?.close(resolve));
});

test('one script tag gives the portal page a launcher, and no chat starts until it is pressed', async () => {
  const { context, page, problems } = await newPage(browser);
  const tokens = [];
  page.on('request', r => { if (r.url().endsWith('/api/webchat/token')) tokens.push(r.url()); });
  await page.goto(portalUrl);

  const launcher = page.locator('[data-mag-help="launcher"]');
  await launcher.waitFor({ timeout });
  assert.equal(await launcher.innerText(), 'Need help?');
  assert.equal(await launcher.getAttribute('aria-expanded'), 'false');
  await screenshot(page, 'widget-closed');

  assert.equal(tokens.length, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the launcher opens the chat straight into login help from the page context, and a flow runs in it', async () => {
  const { context, page, problems } = await newPage(browser);
  await page.goto(portalUrl);

  await page.locator('[data-mag-help="launcher"]').click({ timeout });
  const chat = page.frameLocator('[data-mag-help="chat"]');
  await bubble(chat, 'What is happening when you try to log in?').waitFor({ timeout });
  await chat.getByText('automated assistant, not a person').first().waitFor({ timeout });
  await page.waitForTimeout(700);
  await screenshot(page, 'widget-open-login-help');

  await chat.getByLabel('Suggested actions').getByRole('button', { name: 'I forgot my password', exact: true }).click({ timeout });
  await bubble(chat, 'Do you sign in with your company login').waitFor({ timeout });
  await page.waitForTimeout(700); // Web Chat's scroll animation
  await screenshot(page, 'widget-mid-flow');

  await chat.getByLabel('Suggested actions').getByRole('button', { name: 'No', exact: true }).click({ timeout });
  await bubble(chat, 'Have you tried').waitFor({ timeout });
  assert.equal(await chat.getByText(/send failed/i).count(), 0);

  await page.locator('[data-mag-help="close"]').click();
  assert.equal(await page.locator('[data-mag-help="launcher"]').getAttribute('aria-expanded'), 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a portal page that allows styles by nonce only, the launcher carries the nonce and is styled', async () => {
  const { context, page, problems } = await newPage(browser);
  await page.goto(portalUrl.replace('/login', '/strict'));

  const launcher = page.locator('[data-mag-help="launcher"]');
  await launcher.waitFor({ timeout });
  // The widget's own colour: the launcher's style element was applied, not refused.
  assert.equal(await launcher.evaluate(b => getComputedStyle(b).backgroundColor), 'rgb(11, 61, 110)');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the conversation follows the person to the next portal page, where it goes on where it was', async () => {
  const { context, page, problems } = await newPage(browser);
  await page.goto(portalUrl);
  await page.locator('[data-mag-help="launcher"]').click({ timeout });
  const chat = page.frameLocator('[data-mag-help="chat"]');
  await chat.getByLabel('Suggested actions').getByRole('button', { name: 'I forgot my password', exact: true }).click({ timeout });
  await bubble(chat, 'Do you sign in with your company login').waitFor({ timeout });

  await page.goto(portalUrl.replace('/login', '/dashboard'));
  await page.locator('[data-mag-help="launcher"]').click({ timeout });
  const again = page.frameLocator('[data-mag-help="chat"]');
  await bubble(again, 'Do you sign in with your company login').waitFor({ timeout });
  await again.getByLabel('Suggested actions').getByRole('button', { name: 'No', exact: true }).click({ timeout });
  await bubble(again, 'Have you tried').waitFor({ timeout });

  const starts = await again.locator('.webchat__bubble__content').filter({ hasText: 'What is happening when you try to log in?' }).count();
  assert.equal(starts, 1, 'the flow was not started a second time');
  assert.equal(await again.locator('.webchat__bubble__content').filter({ hasText: 'the automated help assistant' }).count(), 1, 'one welcome');
  assert.deepEqual(problems, []);
  await context.close();
});
