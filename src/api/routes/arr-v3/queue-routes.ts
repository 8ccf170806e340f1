import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { ArrLibraryService } from '../../../services/arr/arr-library-service.js';
import { HttpError } from '../../errors.js';
import { itemLiveDetail } from '../../../services/requests/item-live-detail.js';
import { queueRecord } from './resources.js';
import { commandResourceBody, queuePageBody } from './response-schemas.js';

const queueQuery = z.looseObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(10),
});

const commandBody = z.looseObject({
  name: z.string().min(1),
  movieIds: z.array(z.number().int()).optional(),
  seriesId: z.number().int().optional(),
  seriesIds: z.array(z.number().int()).optional(),
});

/** Commands that concern downloads Radarr/Sonarr track by polling; Reelflow's workflows track them already. */
const NOTHING_TO_DO = [
  'RefreshMonitoredDownloads',
  'RefreshMovie',
  'RefreshSeries',
  'RescanMovie',
  'RescanSeries',
  'DownloadedMoviesScan',
  'DownloadedEpisodesScan',
];

let commandIds = 0;

/** queue (live item state) and command (searches). */
export const arrQueueRoutes: FastifyPluginAsyncZod<{ library: ArrLibraryService; temporal: Client }> = async (
  app,
  { library, temporal },
) => {
  const tags = ['arr-v3'];

  app.get(
    '/api/v3/queue',
    {
      schema: {
        tags,
        summary: "Items with a release on their way in, as Radarr's/Sonarr's queue",
        querystring: queueQuery,
        response: { 200: queuePageBody },
      },
    },
    async (request) => {
      const now = new Date();
      const queued = await library.queue();
      const records = await Promise.all(
        queued.map(async ({ title, item }) =>
          queueRecord(
            title.kind,
            title.id,
            item,
            item.status === 'DOWNLOADING' ? await itemLiveDetail(temporal, item.id, item.status) : null,
            now,
          ),
        ),
      );
      const { page, pageSize } = request.query;
      return {
        page,
        pageSize,
        sortKey: 'timeleft',
        sortDirection: 'ascending',
        totalRecords: records.length,
        records: records.slice((page - 1) * pageSize, page * pageSize),
      };
    },
  );

  app.get(
    '/api/v3/command',
    { schema: { tags, summary: 'Commands run: none are kept (each runs at once)', response: { 200: z.array(commandResourceBody) } } },
    async () => [],
  );

  app.post(
    '/api/v3/command',
    {
      schema: {
        tags,
        summary: 'MoviesSearch, SeriesSearch, MissingEpisodeSearch: search now',
        body: commandBody,
        response: { 201: commandResourceBody },
      },
    },
    async (request, reply) => {
      const { name } = request.body;
      let message: string;
      if (name === 'MoviesSearch') {
        message = `${await library.searchNow('movie', request.body.movieIds ?? [])} item(s) searching now`;
      } else if (name === 'SeriesSearch' || name === 'MissingEpisodeSearch' || name === 'SeasonSearch') {
        const ids = request.body.seriesIds ?? (request.body.seriesId !== undefined ? [request.body.seriesId] : []);
        message = `${await library.searchNow('series', ids)} item(s) searching now`;
      } else if (NOTHING_TO_DO.includes(name)) {
        message = 'Nothing to do: Reelflow follows its downloads itself';
      } else {
        throw new HttpError(
          400,
          `body.name: command "${name}" is not supported (MoviesSearch, SeriesSearch, MissingEpisodeSearch, SeasonSearch, ${NOTHING_TO_DO.join(', ')})`,
        );
      }
      const at = new Date().toISOString();
      return reply.code(201).send({
        id: ++commandIds,
        name,
        commandName: name,
        message,
        body: request.body,
        priority: 'normal',
        status: 'completed',
        result: 'successful',
        queued: at,
        started: at,
        ended: at,
        trigger: 'manual',
        stateChangeTime: at,
        sendUpdatesToClient: false,
        updateScheduledTask: false,
      });
    },
  );
};
