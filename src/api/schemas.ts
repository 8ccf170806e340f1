import { z } from 'zod';

/** Shared API schema pieces. */
export const uuidParams = z.object({ id: z.uuid('an id in UUID form') });
export const isoDate = z.iso.datetime();
export const toIso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Every error's body (see errors.ts). */
export const errorResponse = z.object({ statusCode: z.number().int(), error: z.string(), message: z.string() });
