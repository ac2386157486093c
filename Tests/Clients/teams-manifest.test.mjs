// The Teams app manifest (deploy/teams/manifest.json), its placeholders filled as build-package.sh fills them,
// validated offline against the schema it pins (@microsoft/app-manifest bundles the Teams schemas), and its icons
// checked for what the schema cannot: the sizes and the outline's transparency.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { require, here } from './support.mjs';

const { AppManifestUtils } = require('@microsoft/app-manifest');
const teams = path.join(here, '..', '..', 'deploy', 'teams');
const template = readFileSync(path.join(teams, 'manifest.json'), 'utf8');

function filled(values = {}) {
  const v = { MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', BOT_DOMAIN: 'maglearn.example.com', ...values };
  v.TEAMS_APP_ID ??= v.MICROSOFT_APP_ID;
  return JSON.parse(template.replace(/\$\{\{([A-Z_]+)\}\}/g, (_, name) => v[name]));
}

/** Width, height, colour type from a PNG's IHDR chunk. */
function png(file) {
  const bytes = readFileSync(path.join(teams, file));
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] };
}

test('the manifest pins a current schema and validates against it offline', async () => {
  const manifest = filled();
  assert.equal(manifest.manifestVersion, '1.24');
  assert.match(manifest.$schema, /\/teams\/v1\.24\/MicrosoftTeams\.schema\.json$/);

  const errors = await AppManifestUtils.validateAgainstSchema(manifest);

  assert.deepEqual(errors, []);
});

test('the validator really checks: a lower-case groupchat scope, a bad colour and a bot id that is not a GUID fail', async () => {
  const lowerCase = filled();
  lowerCase.bots[0].scopes = ['personal', 'groupchat'];
  const badColour = filled();
  badColour.accentColor = 'navy';
  const notAGuid = filled({ MICROSOFT_APP_ID: 'my-bot' });

  for (const broken of [lowerCase, badColour, notAGuid])
    assert.notDeepEqual(await AppManifestUtils.validateAgainstSchema(broken), []);
});

test('every placeholder is one build-package.sh fills', () => {
  const placeholders = new Set([...template.matchAll(/\$\{\{([A-Z_]+)\}\}/g)].map(m => m[1]));
  assert.deepEqual([...placeholders].sort(), ['BOT_DOMAIN', 'MICROSOFT_APP_ID', 'TEAMS_APP_ID']);
  const script = readFileSync(path.join(teams, 'build-package.sh'), 'utf8');
  for (const name of placeholders) assert.ok(script.includes(`\\\${{${name}}}`), `build-package.sh fills ${name}`);
});

test('the icons are the sizes Teams wants, the outline on a transparent background', () => {
  const manifest = filled();
  const color = png(manifest.icons.color);
  const outline = png(manifest.icons.outline);

  assert.deepEqual([color.width, color.height], [192, 192]);
  assert.deepEqual([outline.width, outline.height], [32, 32]);
  assert.ok([4, 6].includes(outline.colorType), 'the outline icon has an alpha channel');
});
