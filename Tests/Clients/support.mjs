// What every client test shares: where the bot host is (set by the xunit test that starts it, see
// Tests/Channels/Clients/NodeClientTests.cs), where screenshots go, and small waiting helpers.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const require = createRequire(import.meta.url);
export const here = path.dirname(fileURLToPath(import.meta.url));

export const BOT = process.env.MAGLEARN_BOT_URL ?? 'http://127.0.0.1:3978';
export const PORTAL_PORT = Number(process.env.MAGLEARN_PORTAL_PORT ?? 0);
export const OUTPUT = process.env.MAGLEARN_CLIENT_OUTPUT ?? path.join(here, 'output');
mkdirSync(OUTPUT, { recursive: true });

/** What the web page does first: a token for one new conversation from the host. */
export async function webChatToken() {
  const response = await fetch(`${BOT}/api/webchat/token`, { method: 'POST' });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return response.json();
}

/** Resolves with the first value `predicate` accepts from `items` (an array that grows), or fails after `ms`. */
export async function waitFor(items, predicate, ms = 15000, what = 'an activity') {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const found = items.find(predicate);
    if (found) return found;
    await new Promise(r => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; saw: ${items.map(a => `${a.type}:${(a.text ?? a.name ?? '').slice(0, 40)}`).join(' | ')}`);
}

export const isBotMessage = a => a.type === 'message' && a.from?.role === 'bot';
