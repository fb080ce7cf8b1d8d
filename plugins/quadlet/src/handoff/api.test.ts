import { HandoffApiError, HandoffClient } from './api';

function client(answer: (url: string) => Response) {
  const urls: string[] = [];
  const api = new HandoffClient({
    discoveryApi: {
      getBaseUrl: async id => `http://localhost:7007/api/${id}`,
    },
    fetchApi: {
      fetch: (async (url: string) => {
        urls.push(url);
        return answer(url);
      }) as typeof fetch,
    },
  });
  return { api, urls };
}

describe('HandoffClient', () => {
  it('asks the quadlet backend, with the entity ref as a query parameter', async () => {
    const { api, urls } = client(
      () => new Response(JSON.stringify({ box: 'sodimo' }), { status: 200 }),
    );
    await api.getGuide('sodimo');
    await api.getReference('sodimo', 'component:sodimo/piler');
    expect(urls).toEqual([
      'http://localhost:7007/api/quadlet/boxes/sodimo/handoff',
      'http://localhost:7007/api/quadlet/boxes/sodimo/reference?entityRef=component%3Asodimo%2Fpiler',
    ]);
    expect(await api.markdownUrl('sodimo')).toBe(
      'http://localhost:7007/api/quadlet/boxes/sodimo/handoff.md',
    );
  });

  it("fails with the backend's message and status", async () => {
    const { api } = client(
      () =>
        new Response(
          JSON.stringify({
            error: {
              name: 'NotFoundError',
              message: 'no box named "x" is configured',
            },
          }),
          { status: 404, statusText: 'Not Found' },
        ),
    );
    const failure = api.getGuide('x');
    await expect(failure).rejects.toBeInstanceOf(HandoffApiError);
    await expect(failure).rejects.toMatchObject({
      status: 404,
      message: 'no box named "x" is configured',
    });
  });

  it('falls back to the status line for a body that is not JSON', async () => {
    const { api } = client(
      () =>
        new Response('<html>bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
        }),
    );
    await expect(api.getMarkdown('sodimo')).rejects.toMatchObject({
      status: 502,
      message: '502 Bad Gateway',
    });
  });
});
