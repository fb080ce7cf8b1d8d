// The Handoff page of the example box's System renders the whole guide: the Piler entry is there
// with its known problem (no MySQL sidecar), in-guide links move between sections, and the guide
// downloads as Markdown. Piler's Reference tab shows its entry and leads back to the guide.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signInAsGuest } from '../signIn.mjs';

const SYSTEM_API = '/api/catalog/entities/by-name/system/sodimo/sodimo';
const PILER_API = '/api/catalog/entities/by-name/component/sodimo/piler';

// The box provider runs on its own schedule after start: wait until it has applied the box.
async function waitForBox(baseUrl, apiToken) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    try {
      const answers = await Promise.all(
        [SYSTEM_API, PILER_API].map(path =>
          fetch(`${baseUrl}${path}`, {
            headers: { Authorization: `Bearer ${apiToken}` },
          }),
        ),
      );
      if (answers.every(res => res.ok)) return;
    } catch {
      // `backstage-cli package start` restarts the backend when a source file changes.
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  throw new Error(
    'the catalog did not ingest the sodimo box within 180 s (is it configured?)',
  );
}

function expectText(actual, expected, what) {
  if (!actual.includes(expected)) {
    throw new Error(
      `${what} does not say "${expected}":\n${actual.slice(0, 2000)}`,
    );
  }
}

export default async function handoffGuide({
  page,
  baseUrl,
  artifacts,
  name,
  apiToken,
}) {
  await waitForBox(baseUrl, apiToken);

  // The backend serves the guide to API clients too.
  const api = await fetch(
    `${baseUrl}/api/quadlet/boxes/sodimo/reference?entityRef=component:sodimo/piler`,
    {
      headers: { Authorization: `Bearer ${apiToken}` },
    },
  );
  if (!api.ok)
    throw new Error(
      `GET /api/quadlet/…/reference: ${api.status} ${await api.text()}`,
    );

  await page.goto(`${baseUrl}/catalog/sodimo/system/sodimo/handoff`);
  await signInAsGuest(page);
  await page
    .getByRole('heading', { name: 'Handoff guide of sodimo', exact: true })
    .waitFor();

  await page.locator('#overview').waitFor();
  await page.screenshot({ path: join(artifacts, `${name}.top.png`) });

  // The Piler entry, in a container whose id is its anchor, with its known problem.
  const piler = page.locator('#service-piler');
  await piler.getByRole('heading', { name: 'piler', exact: true }).waitFor();
  const pilerText = await piler.innerText();
  expectText(
    pilerText,
    'KNOWN BROKEN (dotfiles#17): the image wants an external MySQL',
    'the Piler entry',
  );
  expectText(pilerText, 'there is no piler-mysql sidecar', 'the Piler entry');
  expectText(pilerText, 'docker.io/sutoj/piler:1.4.5', 'the Piler entry');

  // The known-broken list names Piler and links to its entry.
  const knownBroken = page.locator('#known-broken');
  expectText(await knownBroken.innerText(), 'piler', 'the known-broken list');

  // The contents jump to the entry and put its anchor in the URL.
  await page
    .getByRole('navigation', { name: 'Contents' })
    .getByRole('link', { name: 'piler', exact: true })
    .click();
  await page.waitForURL(
    /\/catalog\/sodimo\/system\/sodimo\/handoff#service-piler$/,
  );
  if ((await piler.getAttribute('data-guide-target')) === null) {
    throw new Error('the Piler entry is not marked as the target of the jump');
  }
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
  await piler.screenshot({ path: join(artifacts, `${name}.piler-entry.png`) });

  // An in-guide link inside the entry goes to the hostname's section on the same page.
  await piler
    .getByRole('link', { name: 'archive.sodimo.eu', exact: true })
    .click();
  await page.waitForURL(/#hostname-archive\.sodimo\.eu$/);
  await page
    .locator('[id="hostname-archive.sodimo.eu"][data-guide-target]')
    .waitFor();

  // The entry links to Piler's catalog page.
  const catalogLink = piler.locator(
    'a[href="/catalog/sodimo/component/piler"]',
  );
  if ((await catalogLink.count()) === 0)
    throw new Error("the Piler entry has no link to Piler's page");

  // The whole guide as one Markdown page.
  const download = page.getByRole('link', { name: 'Download Markdown' });
  const href = await download.getAttribute('href');
  if (!href?.endsWith('/api/quadlet/boxes/sodimo/handoff.md')) {
    throw new Error(`the download link points at ${href}`);
  }
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    download.click(),
  ]);
  if (file.suggestedFilename() !== 'sodimo-handoff.md') {
    throw new Error(`the download is named ${file.suggestedFilename()}`);
  }
  const markdown = await readFile(await file.path(), 'utf8');
  expectText(
    markdown,
    '<a id="service-piler"></a>\n\n### piler',
    'the downloaded Markdown',
  );

  // Piler's Reference tab: its entry, and the way back to the guide.
  await page.goto(`${baseUrl}/catalog/sodimo/component/piler/reference`);
  const entry = page.getByRole('region', { name: 'piler', exact: true });
  await entry.getByText('Unit known to be broken', { exact: true }).waitFor();
  expectText(
    await entry.innerText(),
    'there is no piler-mysql sidecar',
    "Piler's Reference tab",
  );
  await page.screenshot({
    path: join(artifacts, `${name}.reference.png`),
    fullPage: true,
  });

  await page.getByRole('link', { name: 'Open in the handoff guide' }).click();
  await page.waitForURL(
    /\/catalog\/sodimo\/system\/sodimo\/handoff#service-piler$/,
  );
  await page.locator('#service-piler[data-guide-target]').waitFor();
  await page.screenshot({
    path: join(artifacts, `${name}.from-reference.png`),
  });
}
