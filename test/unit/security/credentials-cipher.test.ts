import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CredentialsCipher,
  CredentialsDecryptError,
  parseSecretKey,
  resolveCredentialsCipher,
  SecretKeyError,
} from '../../../src/security/credentials-cipher.js';
import { tempDir } from '../../support/temp-dir.js';

const SECRET = JSON.stringify({ apiKey: 'tmdb-very-secret-api-key-0123' });

function errorFrom(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected a throw, but it returned');
}

describe('CredentialsCipher', () => {
  const cipher = new CredentialsCipher(randomBytes(32));

  it('decrypts what it encrypted', () => {
    expect(cipher.decrypt(cipher.encrypt(SECRET))).toBe(SECRET);
    expect(cipher.decrypt(cipher.encrypt(''))).toBe('');
    expect(cipher.decrypt(cipher.encrypt('ünïcødé ✓'))).toBe('ünïcødé ✓');
  });

  it('writes a versioned value naming its key, without the plaintext, and different each time', () => {
    const first = cipher.encrypt(SECRET);
    const second = cipher.encrypt(SECRET);
    expect(first).toMatch(new RegExp(`^v1:${cipher.keyId}:[\\w-]+:[\\w-]+:[\\w-]+$`));
    expect(first).not.toContain('tmdb-very-secret');
    expect(Buffer.from(first.split(':')[3] ?? '', 'base64url').toString()).not.toContain('tmdb-very-secret');
    // A fresh nonce per value: equal credentials must not be recognisable as equal in the table.
    expect(second).not.toBe(first);
  });

  it('gives the same key the same id, and another key another id', () => {
    const key = randomBytes(32);
    expect(new CredentialsCipher(key).keyId).toBe(new CredentialsCipher(Buffer.from(key)).keyId);
    expect(new CredentialsCipher(randomBytes(32)).keyId).not.toBe(new CredentialsCipher(key).keyId);
  });

  it('reports a value written with another key as such, naming both key ids and what to do', () => {
    const other = new CredentialsCipher(randomBytes(32));
    const error = errorFrom(() => cipher.decrypt(other.encrypt(SECRET)));
    expect(error).toBeInstanceOf(CredentialsDecryptError);
    expect(error.message).toContain(`encrypted with another secret key (key id ${other.keyId}; the current key is ${cipher.keyId})`);
    expect(error.message).toContain('REELFLOW_SECRET_KEY');
  });

  it('refuses an altered value instead of returning garbage', () => {
    const [version, keyId, iv, ciphertext, tag] = cipher.encrypt(SECRET).split(':') as [string, string, string, string, string];
    const bytes = Buffer.from(ciphertext, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    const altered = [version, keyId, iv, bytes.toString('base64url'), tag].join(':');
    const error = errorFrom(() => cipher.decrypt(altered));
    expect(error).toBeInstanceOf(CredentialsDecryptError);
    expect(error.message).toMatch(/altered or truncated/);
    expect(() => cipher.decrypt([version, keyId, iv, ciphertext, tag.slice(0, 4)].join(':'))).toThrow(CredentialsDecryptError);
  });

  it('refuses a value in an unknown format or version', () => {
    expect(() => cipher.decrypt('{"apiKey":"plain"}')).toThrow(/not in a format this version of Reelflow reads/);
    expect(() => cipher.decrypt(cipher.encrypt(SECRET).replace(/^v1:/, 'v2:'))).toThrow(CredentialsDecryptError);
  });

  it('needs a 32-byte key', () => {
    expect(() => new CredentialsCipher(randomBytes(16))).toThrow(SecretKeyError);
  });
});

describe('parseSecretKey', () => {
  const key = randomBytes(32);

  it('reads 64 hex characters, base64 and base64url, ignoring surrounding whitespace', () => {
    expect(parseSecretKey(key.toString('hex'), 'X')).toStrictEqual(key);
    expect(parseSecretKey(key.toString('hex').toUpperCase(), 'X')).toStrictEqual(key);
    expect(parseSecretKey(` ${key.toString('base64')}\n`, 'X')).toStrictEqual(key);
    expect(parseSecretKey(key.toString('base64url'), 'X')).toStrictEqual(key);
  });

  it('says what it expects and how long the value was, without repeating the value', () => {
    const short = randomBytes(16).toString('base64');
    const error = errorFrom(() => parseSecretKey(short, 'REELFLOW_SECRET_KEY'));
    expect(error).toBeInstanceOf(SecretKeyError);
    expect(error.message).toBe(
      'REELFLOW_SECRET_KEY: expected 32 bytes, as 64 hex characters or base64 (e.g. the output of `openssl rand -base64 32`); it decodes to 16 bytes',
    );
    expect(error.message).not.toContain(short);
    expect(() => parseSecretKey('not a key at all!', 'REELFLOW_SECRET_KEY')).toThrow(
      /REELFLOW_SECRET_KEY: expected 32 bytes.*neither hex nor base64/,
    );
  });
});

describe('resolveCredentialsCipher', () => {
  it('uses REELFLOW_SECRET_KEY when set, and writes no key file', () => {
    const dataDir = tempDir('reelflow-cipher-');
    const key = randomBytes(32);
    const { cipher, generatedAt } = resolveCredentialsCipher(key.toString('base64'), dataDir);
    expect(cipher.keyId).toBe(new CredentialsCipher(key).keyId);
    expect(generatedAt).toBeUndefined();
    expect(fs.existsSync(path.join(dataDir, 'secret-key'))).toBe(false);
  });

  it('stops on a malformed REELFLOW_SECRET_KEY, naming the variable', () => {
    expect(() => resolveCredentialsCipher('too-short', tempDir('reelflow-cipher-'))).toThrow(/^REELFLOW_SECRET_KEY: expected 32 bytes/);
  });

  it('generates a key once into <dataDir>/secret-key, readable by its owner only, and reuses it', () => {
    const dataDir = path.join(tempDir('reelflow-cipher-'), 'nested', 'data');
    const first = resolveCredentialsCipher(undefined, dataDir);
    const file = path.join(dataDir, 'secret-key');
    expect(first.generatedAt).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toStrictEqual(['secret-key']);

    const second = resolveCredentialsCipher(undefined, dataDir);
    expect(second.generatedAt).toBeUndefined();
    expect(second.cipher.keyId).toBe(first.cipher.keyId);
    expect(second.cipher.decrypt(first.cipher.encrypt(SECRET))).toBe(SECRET);
  });

  it('treats an empty REELFLOW_SECRET_KEY as unset', () => {
    const dataDir = tempDir('reelflow-cipher-');
    expect(resolveCredentialsCipher('  ', dataDir).generatedAt).toBe(path.join(dataDir, 'secret-key'));
  });

  it('prefers REELFLOW_SECRET_KEY over a stored key', () => {
    const dataDir = tempDir('reelflow-cipher-');
    const stored = resolveCredentialsCipher(undefined, dataDir).cipher;
    const configured = randomBytes(32);
    expect(resolveCredentialsCipher(configured.toString('hex'), dataDir).cipher.keyId).toBe(new CredentialsCipher(configured).keyId);
    expect(resolveCredentialsCipher(configured.toString('hex'), dataDir).cipher.keyId).not.toBe(stored.keyId);
  });

  it('stops on a malformed key file, naming it, and never replaces it', () => {
    const dataDir = tempDir('reelflow-cipher-');
    const file = path.join(dataDir, 'secret-key');
    fs.writeFileSync(file, 'truncated\n', { mode: 0o600 });
    expect(() => resolveCredentialsCipher(undefined, dataDir)).toThrow(`${file}: expected 32 bytes`);
    expect(fs.readFileSync(file, 'utf8')).toBe('truncated\n');
  });
});
