import { Client, Connection } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { createDatabase } from '../../db/client.js';
import { CredentialsCipher } from '../../security/credentials-cipher.js';
import { build } from '../app.js';

/**
 * The OpenAPI document of the REST API, built from the routes' own schemas without a database or Temporal:
 * both are lazy clients that this never calls. The CLI's and the web UI's types are generated from it.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const { db, sql } = createDatabase('postgres://openapi@127.0.0.1:1/openapi', { max: 1 });
  const app = await build({
    config: { taskQueue: 'openapi', mediaRoots: [] },
    apiKey: 'openapi-document-key',
    db,
    sql,
    temporal: new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) }),
    credentialsCipher: new CredentialsCipher(randomBytes(32)),
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await sql.end({ timeout: 0 });
  }
}
