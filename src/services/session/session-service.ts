import { timingSafeEqual } from 'node:crypto';
import { SessionTokens } from '../../security/session-tokens.js';

/** Browser sessions: a person proves they hold the API key once and gets a session token for a cookie. */
export class SessionService {
  private readonly expected: Buffer;
  private readonly tokens: SessionTokens;

  constructor(apiKey: string, now?: () => number) {
    this.expected = Buffer.from(apiKey);
    this.tokens = new SessionTokens(apiKey, now);
  }

  /** A new session for the holder of the API key; undefined for any other key. */
  signIn(apiKey: string): { token: string; expiresAt: Date } | undefined {
    const given = Buffer.from(apiKey);
    if (given.length !== this.expected.length || !timingSafeEqual(given, this.expected)) return undefined;
    return this.tokens.issue();
  }

  /** When the session ends, for a valid token; undefined for none, a forged or an expired one. */
  expiresAt(token: string | undefined): Date | undefined {
    return this.tokens.verify(token);
  }
}
