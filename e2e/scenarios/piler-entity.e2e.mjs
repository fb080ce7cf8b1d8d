// The Piler entity page of the example box shows its image with the pin tier, its public
// hostname, and the catalog graph with the hostname drawn next to it.
import { join } from 'node:path';
import { signInAsGuest } from '../signIn.mjs';

const ENTITY_API = '/api/catalog/entities/by-name/component/sodimo/piler';

// The box provider runs on its own schedule after start: wait until it has applied the box.
async function waitForPiler(baseUrl, apiToken) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}${ENTITY_API}`, {
      headers: { Authorization: `Bearer ${apiToken}` },
    });
    if (res.ok) return;
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(
    'the catalog did not ingest component:sodimo/piler within 180 s (is the sodimo box configured?)',
  );
}

export default async function pilerEntityPage({
  page,
  baseUrl,
  artifacts,
  name,
  apiToken,
}) {
  await waitForPiler(baseUrl, apiToken);
  await page.goto(`${baseUrl}/catalog/sodimo/component/piler`);
  await signInAsGuest(page);

  // The container card: the image as written, and its pin tier.
  const container = page.getByRole('region', { name: 'Image' });
  await container
    .getByText('docker.io/sutoj/piler:1.4.5', { exact: true })
    .waitFor();
  await container.getByText('version tag', { exact: true }).waitFor();

  // The public hostname routed to it, linked to its entity.
  const hostname = page
    .getByRole('region', { name: 'Public hostnames' })
    .getByRole('link', { name: 'archive.sodimo.eu', exact: true });
  await hostname.waitFor();
  const href = await hostname.getAttribute('href');
  if (href !== '/catalog/sodimo/resource/archive.sodimo.eu') {
    throw new Error(`the hostname links to ${href}, not to its entity`);
  }

  // The catalog graph card, with the hostname as a node of Piler's relations.
  await page.getByRole('heading', { name: 'Relations', exact: true }).waitFor();
  await page
    .locator('svg text', { hasText: 'archive.sodimo.eu' })
    .first()
    .waitFor();

  await page.screenshot({
    path: join(artifacts, `${name}.png`),
    fullPage: true,
  });
}
