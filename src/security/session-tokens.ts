import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The browser's session cookie: httpOnly, SameSite=Strict, sent to /api only. */
export const SESSION_COOKIE = 'reelflow_session';
/** A sign-in lasts this long; signing in again starts a new one. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Session tokens for the web UI. A token is `<expiry ms>.<random nonce>.<HMAC>`, signed with a key derived
 * from the API key: it never contains the key nor anything from which the key could be found, every API
 * process can check it without shared state, and changing the API key ends every session at once.
 */
export class SessionTokens {
  private readonly signingKey: Buffer;

  constructor(
    apiKey: string,
    private readonly now: () => number = Date.now,
  ) {
    this.signingKey = createHmac('sha256', apiKey).update('reelflow web session v1').digest();
  }

  issue(): { token: string; expiresAt: Date } {
    const expiresAt = this.now() + SESSION_TTL_MS;
    const body = `${expiresAt}.${randomBytes(18).toString('base64url')}`;
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(expiresAt) };
  }

  /** The session's expiry when the token is ours and still valid; undefined otherwise. */
  verify(token: string | undefined): Date | undefined {
    if (!token) return undefined;
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [expiry, nonce, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${expiry}.${nonce}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const expiresAt = Number(expiry);
    if (!Number.isSafeInteger(expiresAt) || expiresAt <= this.now()) return undefined;
    return new Date(expiresAt);
  }

  private sign(body: string): string {
    return createHmac('sha256', this.signingKey).update(body).digest('base64url');
  }
}
