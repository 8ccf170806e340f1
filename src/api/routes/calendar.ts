import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarRepository } from '../../db/repositories/calendar-repository.js';
import { CalendarService } from '../../services/calendar/calendar-service.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../errors.js';

/** A calendar day; the range a person can ask for at once is a year. */
const dayField = z.iso.date('a date as YYYY-MM-DD');
const MAX_RANGE_DAYS = 366;

const entryBody = z.object({
  date: z.string(),
  kind: z.enum(['episode', 'movie']),
  title: z.string(),
  seasonNumber: z.number().int().nullable(),
  episodeNumber: z.number().int().nullable(),
  episodeTitle: z.string().nullable(),
  source: z.enum(['library', 'request']),
  status: z.string(),
  libraryId: z.uuid().nullable(),
  titleId: z.uuid().nullable(),
  requestId: z.uuid().nullable(),
  itemId: z.uuid().nullable(),
});

export const calendarRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { db }) => {
  const calendar = new CalendarService(new CalendarRepository(db));

  app.get(
    '/api/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Air dates of library and requested episodes and release dates of requested movies, from start to end (inclusive)',
        querystring: z.object({ start: dayField, end: dayField }),
        response: { 200: z.array(entryBody) },
      },
    },
    async (request) => {
      const { start, end } = request.query;
      checkRange(start, end);
      return calendar.entries(start, end);
    },
  );

  app.get(
    '/api/calendar.ics',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'The same as an iCal feed for calendar apps (a week back, four weeks ahead unless start/end say otherwise); the key goes in ?apikey=',
        querystring: z.object({ start: dayField.optional(), end: dayField.optional() }),
        response: { 200: { description: 'An iCalendar (RFC 5545) feed', content: { 'text/calendar': { schema: z.string() } } } },
      },
    },
    async (request, reply) => {
      const { start, end } = request.query;
      if (start && end) checkRange(start, end);
      return reply.type('text/calendar; charset=utf-8').send(await calendar.ics({ start, end }));
    },
  );
};

function checkRange(start: string, end: string): void {
  if (end < start) throw new HttpError(400, 'end: a date on or after start');
  if ((Date.parse(end) - Date.parse(start)) / 86_400_000 > MAX_RANGE_DAYS)
    throw new HttpError(400, `end: at most ${MAX_RANGE_DAYS} days after start`);
}
