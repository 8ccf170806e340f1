import { z } from 'zod';

/** Shared API schema pieces. */
export const uuidParams = z.object({ id: z.uuid('an id in UUID form') });
export const isoDate = z.iso.datetime();
/** The run in the Temporal Web UI (TemporalLinks): its history when the run is known, else the latest run of its id. */
export const temporalUrl = z.url().describe('The run in the Temporal Web UI');
export const toIso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Every error's body (see errors.ts). */
export const errorResponse = z.object({ statusCode: z.number().int(), error: z.string(), message: z.string() });
