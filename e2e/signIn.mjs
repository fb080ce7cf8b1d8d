/** Clicks through the guest sign-in card of the local default. */
export async function signInAsGuest(page) {
  await page.getByText('Guest', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Enter' }).click();
}
