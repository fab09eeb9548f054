/**
 * Reads at most `maxBytes` of a response body as UTF-8 and cancels the rest, so a hostile or broken
 * endpoint streaming without end cannot fill the worker's memory (`response.text()` reads everything).
 */
export async function readBodyLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - size;
      const chunk = value.byteLength > room ? value.subarray(0, room) : value;
      chunks.push(chunk);
      size += chunk.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  // A multi-byte character cut at the limit decodes as U+FFFD rather than failing.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Discards a body we do not need, reading at most `maxBytes` of it. */
export async function discardBody(response: Response, maxBytes = 64 * 1024): Promise<void> {
  await readBodyLimited(response, maxBytes).catch(() => undefined);
}
