// The scorecard page shows the example box's latest run: its score, the trend, and among the
// findings the known-broken Piler and cockpit on floating `:latest` (its waiver has expired),
// each with its file and line; the Piler entity page carries the scorecard card.
import { join } from 'node:path';
import { signInAsGuest } from '../signIn.mjs';

const API = '/api/scorecard';

async function api(baseUrl, apiToken, path, init = {}) {
  const res = await fetch(`${baseUrl}${API}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${apiToken}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${API}${path}: ${res.status} ${text}`,
    );
  return JSON.parse(text);
}

// A fresh backend has no run yet: start one (POST /runs, as "Run now" does) and wait for it.
async function ensureSodimoRun(baseUrl, apiToken) {
  const deadline = Date.now() + 240_000;
  let boxes;
  while (Date.now() < deadline) {
    try {
      boxes = await api(baseUrl, apiToken, '/boxes');
      break;
    } catch {
      await new Promise(r => setTimeout(r, 2000)); // the plugin may still be starting
    }
  }
  const sodimo = boxes?.find(b => b.box === 'sodimo');
  if (!sodimo)
    throw new Error('the scorecard backend does not list the sodimo box');
  if (sodimo.latest) return sodimo.latest;
  const { run } = await api(baseUrl, apiToken, '/runs', {
    method: 'POST',
    body: JSON.stringify({ box: 'sodimo' }),
  });
  while (Date.now() < deadline) {
    const current = await api(baseUrl, apiToken, `/runs/${run.id}`);
    if (current.status === 'succeeded') return current;
    if (current.status === 'failed')
      throw new Error(`scorecard run ${run.id} failed: ${current.error}`);
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(`scorecard run ${run.id} did not finish within 240 s`);
}

export default async function scorecardPage({
  page,
  baseUrl,
  artifacts,
  name,
  apiToken,
}) {
  const run = await ensureSodimoRun(baseUrl, apiToken);

  await page.goto(`${baseUrl}/scorecard`);
  await signInAsGuest(page);

  // The box card with its score, and the trend chart.
  await page.getByLabel(/^Score of sodimo: \d+%$/).waitFor();
  await page.getByRole('img', { name: /^Box score per run\./ }).waitFor();

  // Piler, declared known-broken in the policy, with its file and line.
  const findings = page
    .locator('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Fix' }) });
  const piler = findings
    .getByRole('row')
    .filter({ hasText: 'piler.container is known broken' });
  await piler.waitFor();
  await piler.getByText('piler.container:1', { exact: true }).waitFor();
  await piler
    .getByText('dotfiles:home/dot_config/containers/systemd/', { exact: true })
    .waitFor();
  const pilerLink = await piler
    .getByRole('link', { name: 'piler.container', exact: true })
    .getAttribute('href');
  if (pilerLink !== '/catalog/sodimo/component/piler')
    throw new Error(`Piler links to ${pilerLink}`);

  // cockpit on `:latest`: the waiver (D-167) expired on 2026-03-31, so it fails again.
  const cockpit = findings
    .getByRole('row')
    .filter({ hasText: 'quay.io/cockpit/ws:latest is on floating tag latest' });
  await cockpit.waitFor();
  await cockpit.getByText('Waiver expired on 2026-03-31 · D-167').waitFor();
  const fix = await cockpit
    .getByRole('link', { name: 'Fix' })
    .getAttribute('href');
  const formData = JSON.parse(
    new URL(fix, baseUrl).searchParams.get('formData'),
  );
  if (formData.box !== 'sodimo' || formData.unit !== 'cockpit.container') {
    throw new Error(
      `the Fix link of cockpit prefills ${JSON.stringify(formData)}`,
    );
  }
  await page.screenshot({
    path: join(artifacts, `${name}.png`),
    fullPage: true,
  });

  // The text filter narrows the table to cockpit's findings.
  await page.getByLabel('Search findings').fill('cockpit');
  await findings
    .getByRole('row')
    .filter({ hasText: 'piler.container is known broken' })
    .waitFor({ state: 'detached' });
  await cockpit.waitFor();
  await page.screenshot({
    path: join(artifacts, `${name}-filtered.png`),
    fullPage: true,
  });

  // The entity card on Piler's page, linking back to the overview filtered on it.
  await page.goto(`${baseUrl}/catalog/sodimo/component/piler`);
  const card = page.getByRole('list', { name: 'Scorecard findings' });
  await card.getByText(/piler\.container is known broken/).waitFor();
  const open = await page
    .getByRole('link', { name: 'Open in scorecard' })
    .getAttribute('href');
  if (open !== '/scorecard/sodimo?entity=component%3Asodimo%2Fpiler') {
    throw new Error(`the card links to ${open}`);
  }
  await page.screenshot({
    path: join(artifacts, `${name}-entity.png`),
    fullPage: true,
  });
  console.log(
    `    scorecard: run #${run.id}, score ${Math.round(
      (run.score?.score ?? 0) * 100,
    )}%`,
  );
}
