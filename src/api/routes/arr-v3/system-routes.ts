import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ArrLibraryService } from '../../../services/arr/arr-library-service.js';
import { ARR_API_VERSION } from './resources.js';
import {
  languageProfileResourceBody,
  languageResourceBody,
  qualityProfileResourceBody,
  rootFolderResourceBody,
  systemStatusBody,
  tagResourceBody,
} from './response-schemas.js';

const startTime = new Date().toISOString();

/** system/status, qualityProfile, rootfolder, tag, languageprofile: what a client reads to set a server up. */
export const arrSystemRoutes: FastifyPluginAsyncZod<{ library: ArrLibraryService }> = async (app, { library }) => {
  const tags = ['arr-v3'];

  app.get(
    '/api/v3/system/status',
    {
      schema: {
        tags,
        summary: 'Radarr/Sonarr system status (a connection test reads it)',
        response: { 200: systemStatusBody },
      },
    },
    async () => ({
      appName: 'Reelflow',
      instanceName: 'Reelflow',
      version: ARR_API_VERSION,
      buildTime: startTime,
      isDebug: false,
      isProduction: true,
      isAdmin: false,
      isUserInteractive: false,
      startupPath: process.cwd(),
      appData: process.cwd(),
      osName: process.platform,
      osVersion: '',
      isNetCore: true,
      isMono: false,
      isLinux: process.platform === 'linux',
      isOsx: process.platform === 'darwin',
      isWindows: process.platform === 'win32',
      isDocker: false,
      mode: 'console',
      branch: 'main',
      authentication: 'none',
      sqliteVersion: '',
      migrationVersion: 0,
      urlBase: '',
      runtimeVersion: process.versions.node,
      runtimeName: 'node',
      startTime,
      packageUpdateMechanism: 'docker',
    }),
  );

  const profiles = async () =>
    (await library.qualityProfiles()).map(({ id, profile }) => ({
      id,
      name: profile.name,
      upgradeAllowed: false,
      cutoff: profile.preferredResolution,
      items: [],
      minFormatScore: 0,
      cutoffFormatScore: 0,
      formatItems: [],
      language: { id: 1, name: 'English' },
    }));
  // Seerr asks for qualityProfile, Prowlarr and scripts often for qualityprofile; Radarr's routes ignore case.
  for (const path of ['/api/v3/qualityProfile', '/api/v3/qualityprofile']) {
    app.get(
      path,
      {
        schema: {
          tags,
          summary: 'Reelflow quality profiles as Radarr/Sonarr quality profiles',
          response: { 200: z.array(qualityProfileResourceBody) },
        },
      },
      profiles,
    );
  }

  app.get(
    '/api/v3/rootfolder',
    { schema: { tags, summary: 'Delivery targets as Radarr/Sonarr root folders', response: { 200: z.array(rootFolderResourceBody) } } },
    async () =>
      (await library.rootFolders()).map(({ id, target }) => ({
        id,
        path: target.path,
        accessible: true,
        freeSpace: 0,
        totalSpace: 0,
        unmappedFolders: [],
      })),
  );

  app.get('/api/v3/tag', { schema: { tags, summary: 'Tags', response: { 200: z.array(tagResourceBody) } } }, () => library.tags());
  app.post(
    '/api/v3/tag',
    {
      schema: {
        tags,
        summary: 'Create a tag (or answer the one with that label)',
        body: z.looseObject({ label: z.string().trim().min(1).max(200) }),
        response: { 201: tagResourceBody },
      },
    },
    async (request, reply) => reply.code(201).send(await library.createTag(request.body.label.toLowerCase())),
  );

  // Sonarr v3 language profiles; Reelflow's quality profiles decide languages, so there is one that takes any.
  for (const path of ['/api/v3/languageprofile', '/api/v3/languageProfile']) {
    app.get(
      path,
      {
        schema: {
          tags,
          summary: 'Sonarr v3 language profiles: one, "Any"',
          response: { 200: z.array(languageProfileResourceBody) },
        },
      },
      async () => [
        {
          id: 1,
          name: 'Any',
          upgradeAllowed: false,
          cutoff: { id: 1, name: 'English' },
          languages: [{ language: { id: 1, name: 'English' }, allowed: true }],
        },
      ],
    );
  }
  app.get(
    '/api/v3/language',
    { schema: { tags, summary: 'Languages (Sonarr v4 / Radarr)', response: { 200: z.array(languageResourceBody) } } },
    async () => [{ id: 1, name: 'English', nameLower: 'english' }],
  );
};
