// Scripts reach the API with the static token from QP_API_TOKEN; without it they are refused.
import assert from 'node:assert/strict';

export default async function apiTokenForScripts({ baseUrl, apiToken }) {
  const url = `${baseUrl}/api/catalog/entities/by-name/component/default/quadlet-portal`;
  const refused = await fetch(url);
  assert.equal(refused.status, 401, 'the catalog API must refuse calls without a token');

  const res = await fetch(url, { headers: { Authorization: `Bearer ${apiToken}` } });
  assert.equal(res.status, 200, `with the token the API answers 200, got ${res.status}`);
  const entity = await res.json();
  assert.equal(entity.metadata.name, 'quadlet-portal');
}
