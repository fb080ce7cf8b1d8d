// Guest sign-in lands on the catalog, which lists the portal's own entity beside the example box.
import { join } from 'node:path';
import { signInAsGuest } from '../signIn.mjs';

export default async function catalogListsThePortal({
  page,
  baseUrl,
  artifacts,
  name,
}) {
  await page.goto(baseUrl);
  await signInAsGuest(page);
  await page.getByText('Owned Components').waitFor();
  // The example boxes fill more than one page of components: search (server-side) for each.
  const search = page.getByPlaceholder('Search');
  await search.fill('piler');
  await page.getByRole('link', { name: 'sodimo/piler', exact: true }).waitFor();
  await search.fill('quadlet-portal');
  await page
    .getByRole('link', { name: 'quadlet-portal', exact: true })
    .first()
    .waitFor();
  await page.screenshot({
    path: join(artifacts, `${name}.png`),
    fullPage: true,
  });
}
