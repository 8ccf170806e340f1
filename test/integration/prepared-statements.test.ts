import { sql as dsql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, MAX_PREPARED_PARAMETERS, type Database } from '../../src/db/client.js';
import { onCleanup } from '../support/cleanup.js';
import { createTestDatabase } from '../support/integration.js';

/** One connection, so the statements it keeps prepared can be read back on it. */
let db: Database;
beforeAll(async () => {
  const { url } = await createTestDatabase();
  const database = createDatabase(url, { max: 1 });
  onCleanup(() => database.sql.end());
  db = database.db;
});

/** `select $1::int + $2::int + … as total`: a statement of `count` parameters whose answer is known. */
const sumOf = (count: number) =>
  dsql`select ${dsql.join(
    Array.from({ length: count }, (_, i) => dsql`${i + 1}::int`),
    dsql` + `,
  )} as total`;

/** The statements this connection keeps prepared whose text matches a LIKE pattern. */
async function kept(pattern: string): Promise<number> {
  const [row] = await db.execute<{ kept: number }>(
    dsql`select count(*)::int as kept from pg_prepared_statements where statement like ${pattern}`,
  );
  return row!.kept;
}

describe('prepared statements', () => {
  it('keeps a statement of a few parameters prepared, once however often it runs', async () => {
    for (let run = 0; run < 3; run++) {
      const [row] = await db.execute<{ total: number }>(sumOf(3));
      expect(row!.total).toBe(6);
    }
    expect(await kept('select $1::int + $2::int + $3::int as total')).toBe(1);
  });

  it('sends statements of many parameters unprepared, so row counts without bound do not pile up on the connection', async () => {
    for (const count of [MAX_PREPARED_PARAMETERS + 1, MAX_PREPARED_PARAMETERS + 2, MAX_PREPARED_PARAMETERS + 30]) {
      const [row] = await db.execute<{ total: number }>(sumOf(count));
      expect(row!.total).toBe((count * (count + 1)) / 2);
    }
    expect(await kept(`%$${MAX_PREPARED_PARAMETERS + 1}::int%`)).toBe(0);
  });
});
