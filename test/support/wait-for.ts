/**
 * Polls `probe` until it answers a value (anything but undefined) and returns it; past `timeoutMs` it fails
 * with what `describe` says was last seen, so a test that times out says where the work stopped.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number, describe: () => Promise<string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms; last seen: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
