// Guest sign-in lands on the catalog, which lists the portal's own entity.
import { join } from 'node:path';
import { signInAsGuest } from '../signIn.mjs';

export default async function catalogListsThePortal({ page, baseUrl, artifacts, name }) {
  await page.goto(baseUrl);
  await signInAsGuest(page);
  await page.getByRole('link', { name: 'quadlet-portal', exact: true }).first().waitFor();
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}
