import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.js';
import { deliveryTargets, type DeliveryTargetRow } from '../schema/index.js';

export type DeliveryTargetInput = Omit<DeliveryTargetRow, 'id' | 'createdAt' | 'updatedAt'>;

export class DeliveryTargetRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<DeliveryTargetRow[]> {
    return this.db.select().from(deliveryTargets).orderBy(asc(deliveryTargets.name));
  }

  async get(id: string): Promise<DeliveryTargetRow | undefined> {
    const [row] = await this.db.select().from(deliveryTargets).where(eq(deliveryTargets.id, id));
    return row;
  }

  getMany(ids: string[]): Promise<DeliveryTargetRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.select().from(deliveryTargets).where(inArray(deliveryTargets.id, ids));
  }

  async create(input: DeliveryTargetInput): Promise<DeliveryTargetRow> {
    const [row] = await this.db.insert(deliveryTargets).values(input).returning();
    return row!;
  }

  async update(id: string, input: Partial<DeliveryTargetInput>): Promise<DeliveryTargetRow | undefined> {
    const [row] = await this.db
      .update(deliveryTargets)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(deliveryTargets.id, id))
      .returning();
    return row;
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.delete(deliveryTargets).where(eq(deliveryTargets.id, id)).returning({ id: deliveryTargets.id });
    return rows.length > 0;
  }
}
