/**
 * Reading an HTTP answer's body with a ceiling: a server that sends no Content-Length (or lies in it)
 * cannot make a process hold more than `maxBytes` of it. The body is read as it streams and abandoned as
 * soon as it passes the ceiling.
 */
export class BodyTooLargeError extends Error {
  constructor(
    readonly what: string,
    readonly maxBytes: number,
  ) {
    super(`${what} is larger than ${formatBytes(maxBytes)}, the most Reelflow reads`);
    this.name = 'BodyTooLargeError';
  }
}

export const MB = 1024 * 1024;

export async function readCappedBytes(response: Response, maxBytes: number, what: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(what, maxBytes);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(what, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export async function readCappedText(response: Response, maxBytes: number, what: string): Promise<string> {
  return (await readCappedBytes(response, maxBytes, what)).toString('utf8');
}

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}
