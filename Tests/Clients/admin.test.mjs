// The support team's /admin in Debian's Chromium over a seeded month: refused without the key, signed in through
// the form (the session cookie Secure, HttpOnly, SameSite=Strict), the charts, the unanswered groups, a funnel
// and a flow diagram drawn; and "Did this help?" pressed in Web Chat showing up in the insights. Screenshots in
// output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BOT } from './support.mjs';
import { launch, newPage, screenshot } from './browser.mjs';

const KEY = process.env.MAGLEARN_ADMIN_KEY;
const timeout = 20000;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A refused request is the point of some steps here; Chromium reports each as a console error. */
const unexpected = problems => problems.filter(p => !/status of 401/.test(p));

async function signIn(page, key) {
  await page.goto(`${BOT}/admin`);
  await page.getByLabel('Admin key').fill(key);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

test('without the key /admin is a sign-in form, the insights API refuses, and a wrong key is told so', async () => {
  assert.ok(KEY, 'MAGLEARN_ADMIN_KEY is set by the xunit test');
  const { context, page, problems } = await newPage(browser);

  const response = await page.goto(`${BOT}/admin`);
  assert.equal(response.status(), 401);
  await page.getByLabel('Admin key').waitFor({ timeout });
  assert.equal(await page.locator('#chart-traffic').count(), 0, 'no dashboard before signing in');
  const api = await page.evaluate(async () => (await fetch('/admin/api/insights')).status);
  assert.equal(api, 401);

  await signIn(page, 'not-the-admin-key-at-all');
  await page.getByRole('alert').filter({ hasText: 'not the admin key' }).waitFor({ timeout });
  assert.deepEqual(await context.cookies(), []);
  await screenshot(page, 'admin-sign-in-refused');

  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('signed in, the insights of the seeded month show charts, unanswered groups and funnels', async () => {
  const { context, page, problems } = await newPage(browser, { width: 1280, height: 2400 });
  await signIn(page, KEY);

  const [cookie] = await context.cookies();
  assert.equal(cookie.name, 'maglearn-admin');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.secure, true);
  assert.equal(cookie.sameSite, 'Strict');
  assert.equal(await page.evaluate(() => document.cookie), '', 'no script can read the session');

  await page.locator('main[data-state="ready"]').waitFor({ timeout });
  for (const chart of ['#chart-traffic', '#chart-routes', '#chart-ratings'])
    assert.equal(await page.locator(`${chart} canvas`).count(), 1, `${chart} is drawn`);
  assert.ok(await page.locator('.funnel canvas').count() >= 4, 'a funnel per flow');
  assert.ok(await page.locator('#unanswered .group').count() >= 3, 'unanswered questions in groups');
  assert.ok(await page.locator('#unanswered .suggestion pre').count() >= 1, 'lines to paste for at least one group');
  assert.ok(await page.locator('#top-questions tbody tr').count() >= 5);
  const conversations = Number(await page.locator('.tile strong').first().textContent());
  assert.ok(conversations > 100, `a month of conversations (${conversations})`);
  await page.waitForTimeout(300);
  await screenshot(page, 'admin-insights');

  const csv = await page.evaluate(async () => {
    const r = await fetch(document.querySelector('a.csv[data-table="funnels"]').href);
    return { type: r.headers.get('content-type'), text: await r.text() };
  });
  assert.match(csv.type, /^text\/csv/);
  assert.match(csv.text, /^flow,title,stage,count\r\n/);

  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('the flow diagrams page draws each flow from its file with the steps people reached', async () => {
  const { context, page, problems } = await newPage(browser, { width: 1280, height: 1800 });
  await signIn(page, KEY);
  await page.goto(`${BOT}/admin/dialogs`);

  await page.locator('main[data-state="ready"]').waitFor({ timeout });
  const drawn = page.locator('.diagram[data-drawn="true"] svg');
  assert.ok(await drawn.count() >= 5, 'every flow drawn');
  const login = page.locator('.diagram[data-flow="login-assistance"]');
  await login.getByText('What is happening when you try to log in?').first().waitFor({ timeout });
  assert.match(await login.textContent(), /\d+ reached/);
  await login.scrollIntoViewIfNeeded();
  await screenshot(page, 'admin-dialogs');

  assert.deepEqual(unexpected(problems), []);
  await context.close();
});

test('"No" pressed under an answer in Web Chat shows up as an unhelpful rating in the insights', async () => {
  const { context, page, problems } = await newPage(browser);
  await signIn(page, KEY);
  const rating = async () => {
    const report = await page.evaluate(async () => (await fetch('/admin/api/insights')).json());
    return report.unhelpful.find(r => r.page === 'billing-support' && r.section === 'pay-invoice')?.no ?? 0;
  };
  const before = await rating();

  const chat = await context.newPage();
  await chat.goto(`${BOT}/`);
  await chat.locator('.webchat__bubble__content').filter({ hasText: 'the automated help assistant' }).first().waitFor({ timeout });
  const box = chat.getByPlaceholder('Type your message');
  await box.fill('how do I pay an invoice?');
  await box.press('Enter');
  await chat.getByLabel('Suggested actions').getByRole('button', { name: 'No', exact: true }).click({ timeout });
  await chat.locator('.webchat__bubble__content').filter({ hasText: 'may fit better' }).last().waitFor({ timeout });
  await chat.waitForTimeout(700);
  await screenshot(chat, 'webchat-feedback-no');

  let after = before;
  for (let i = 0; i < 40 && after === before; i++) {
    await page.waitForTimeout(100);
    after = await rating();
  }
  assert.equal(after, before + 1);

  await page.goto(`${BOT}/admin`);
  await page.locator('main[data-state="ready"]').waitFor({ timeout });
  await page.locator('#unhelpful').getByText('Paying an Exostar invoice').first().waitFor({ timeout });
  assert.deepEqual(unexpected(problems), []);
  await context.close();
});
