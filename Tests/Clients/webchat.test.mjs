// The chat page at / as a person meets it, in Debian's Chromium: the welcome, a help area, a guided flow walked to
// its end by clicking, a typed question answered with a Learn link that opens the page. Screenshots in output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOT } from './support.mjs';
import { launch, newPage, screenshot } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const timeout = 15000;

/** A message bubble with these words, shown in the transcript (not the screen reader's copy). */
async function botSays(page, words) {
  await page.locator('.webchat__bubble__content').filter({ hasText: words }).last().waitFor({ state: 'visible', timeout });
}

/** Web Chat scrolls new messages into view with an animation; let it finish before a picture. */
async function settle(page) {
  await page.waitForTimeout(700);
}

/** A suggested action under the latest bot message (Web Chat also keeps a hidden copy for screen readers). */
function suggested(page, title) {
  return page.getByLabel('Suggested actions').getByRole('button', { name: title, exact: true });
}

async function press(page, title) {
  await suggested(page, title).click({ timeout });
}

test('the page opens on the welcome, as an automated assistant, with the help areas as buttons', async () => {
  const { context, page, problems } = await newPage(browser);
  const response = await page.goto(`${BOT}/`);
  // All of this runs under the page's policy: a script or style it refused would be a console error below.
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self';/);

  await botSays(page, 'the automated help assistant');
  for (const area of ['Login help', 'Buy or renew a credential', 'Talk to a person'])
    await suggested(page, area).waitFor({ timeout });
  await settle(page);
  await screenshot(page, 'webchat-welcome');

  assert.equal(await page.locator('body').getAttribute('data-chat'), 'online');
  assert.deepEqual(problems, []);
  await context.close();
});

test('clicking Login help walks the login flow to its end by clicking', async () => {
  const { context, page, problems } = await newPage(browser);
  await page.goto(`${BOT}/`);
  await botSays(page, 'the automated help assistant');

  await press(page, 'Login help');
  await botSays(page, 'What is happening when you try to log in?');
  await press(page, 'I forgot my password');
  await botSays(page, 'Do you sign in with your company login');
  await settle(page);
  await screenshot(page, 'webchat-login-flow');
  await press(page, 'No');
  await botSays(page, 'Have you tried');
  await press(page, 'Not yet');
  await botSays(page, 'Choose Forgot Password on the MAG login page');
  await botSays(page, 'Did that solve it?');
  await press(page, 'Yes');
  await botSays(page, 'glad that sorted it out');
  await settle(page);
  await screenshot(page, 'webchat-login-flow-end');

  // Every message the user sent was marked sent: Web Chat shows "Send failed" otherwise.
  assert.equal(await page.getByText(/send failed/i).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a typed question gets the cited answer, and its link opens the Learn page at the section', async () => {
  const { context, page, problems } = await newPage(browser);
  await page.goto(`${BOT}/`);
  await botSays(page, 'the automated help assistant');

  const box = page.getByPlaceholder('Type your message');
  await box.fill('how do I pay an invoice?');
  await box.press('Enter');
  const link = page.getByRole('link', { name: 'Billing and Support Center' }).last();
  await link.waitFor({ timeout });
  await settle(page);
  await screenshot(page, 'webchat-answer');

  const href = await link.getAttribute('href');
  assert.match(href, /\/learn\/billing-support#[a-z0-9-]+$/);
  const [learn] = await Promise.all([context.waitForEvent('page', { timeout }), link.click()]);
  await learn.waitForLoadState();
  const section = new URL(learn.url()).hash.slice(1);
  assert.equal(learn.url(), href);
  assert.equal(await learn.locator(`#${section}`).count(), 1, 'the cited section is on the page');
  await screenshot(learn, 'learn-page-from-answer');

  assert.equal(await page.getByText(/send failed/i).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('over polling too (transport=polling): welcome, a question and its answer', async () => {
  const { context, page, problems } = await newPage(browser);
  const posts = [];
  page.on('request', r => { if (r.url().includes('/v3/directline/')) posts.push(`${r.method()} ${new URL(r.url()).pathname}`); });
  await page.goto(`${BOT}/?transport=polling`);
  await botSays(page, 'the automated help assistant');

  const box = page.getByPlaceholder('Type your message');
  await box.fill('what payment methods can we use for an invoice?');
  await box.press('Enter');
  await page.getByText('Read more').last().waitFor({ timeout });

  assert.ok(posts.some(p => p.startsWith('GET') && p.endsWith('/activities')), 'it polled');
  assert.deepEqual(problems, []);
  await context.close();
});
