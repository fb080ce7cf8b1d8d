/**
 * Reads a response body, refusing one larger than `limit` bytes: a manifest is small
 * (distribution caps it at 4 MiB), and a registry that streams more is misbehaving.
 */
export async function readLimited(
  response: Response,
  limit: number,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return {
      ok: false,
      reason: `response of ${declared} bytes exceeds ${limit}`,
    };
  }
  if (!response.body) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: `response exceeds ${limit} bytes` };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
