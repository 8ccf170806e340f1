import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CREDENTIALS_DECRYPT_ERROR } from '../contracts/failures.js';

// Provider credentials at rest: AES-256-GCM with one 32-byte key. Each value is stored as
//   v1:<key id>:<iv>:<ciphertext>:<auth tag>        (base64url parts)
// The version says how to read the rest; the key id says which key wrote it, so a changed key is reported
// as such (rather than as corruption), and a later rotation can keep old keys for reading.

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12; // GCM's standard nonce size
const TAG_BYTES = 16;
const KEY_FILE = 'secret-key';
const EXPECTED = `${KEY_BYTES} bytes, as 64 hex characters or base64 (e.g. the output of \`openssl rand -base64 32\`)`;

/** The secret key is unusable: malformed in the environment or in its file. Start-up should stop. */
export class SecretKeyError extends Error {
  override readonly name = 'SecretKeyError';
}

/** A stored value cannot be decrypted: another key wrote it, or it was altered. Never retried. */
export class CredentialsDecryptError extends Error {
  override readonly name = CREDENTIALS_DECRYPT_ERROR;
}

export class CredentialsCipher {
  /** Short fingerprint of the key, stored with every value; it reveals nothing usable about the key. */
  readonly keyId: string;
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new SecretKeyError(`The credentials key must be ${KEY_BYTES} bytes, got ${key.length}`);
    this.key = Buffer.from(key);
    this.keyId = createHash('sha256').update('reelflow credentials key id\0').update(key).digest('hex').slice(0, 8);
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
    return [VERSION, this.keyId, ...parts].join(':');
  }

  decrypt(stored: string): string {
    const parts = stored.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new CredentialsDecryptError(`Stored credentials are not in a format this version of Reelflow reads (expected "${VERSION}:…")`);
    }
    const [, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
    if (keyId !== this.keyId) {
      throw new CredentialsDecryptError(
        `Stored credentials were encrypted with another secret key (key id ${keyId}; the current key is ${this.keyId}). ` +
          'Set REELFLOW_SECRET_KEY to the key they were encrypted with, or enter the credentials again.',
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new CredentialsDecryptError('Stored credentials could not be decrypted: they were altered or truncated', { cause: error });
    }
  }
}

/**
 * A 32-byte key from text: 64 hex characters, or base64 / base64url. `source` names where the text came
 * from in the error ("REELFLOW_SECRET_KEY", a file path); the text itself is never repeated.
 */
export function parseSecretKey(text: string, source: string): Buffer {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    // Node's base64 decoder reads the URL-safe alphabet too.
    const key = Buffer.from(value, 'base64');
    if (key.length === KEY_BYTES) return key;
    throw new SecretKeyError(`${source}: expected ${EXPECTED}; it decodes to ${key.length} bytes`);
  }
  throw new SecretKeyError(`${source}: expected ${EXPECTED}; it is neither hex nor base64`);
}

/**
 * The cipher for provider credentials: REELFLOW_SECRET_KEY when set; otherwise the key stored in
 * `<dataDir>/secret-key` (owner-only), generated on the first start. A malformed stored key is an error,
 * never silently replaced: a new key would make every stored credential unreadable.
 */
export function resolveCredentialsCipher(
  configured: string | undefined,
  dataDir: string,
): { cipher: CredentialsCipher; generatedAt?: string } {
  if (configured?.trim()) return { cipher: new CredentialsCipher(parseSecretKey(configured, 'REELFLOW_SECRET_KEY')) };
  const file = path.join(dataDir, KEY_FILE);
  if (fs.existsSync(file)) return { cipher: new CredentialsCipher(parseSecretKey(fs.readFileSync(file, 'utf8'), file)) };

  const key = randomBytes(KEY_BYTES);
  fs.mkdirSync(dataDir, { recursive: true });
  // The API and the worker may start together on one data dir. Writing a private temporary file and linking
  // it into place is atomic and fails if the other process won, in which case its key is the one to use.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, `${key.toString('base64')}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { cipher: new CredentialsCipher(parseSecretKey(fs.readFileSync(file, 'utf8'), file)) };
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return { cipher: new CredentialsCipher(key), generatedAt: file };
}
