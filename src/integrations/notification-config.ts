import { z } from 'zod';

/**
 * What each notification service needs, one zod schema per service. Stored in `notification_config`
 * (encrypted as a whole), edited through PUT /api/notifications/:service. Defaults fill what a person
 * leaves out, so a stored config is always complete.
 */

export const NOTIFICATION_SERVICES = ['kodi', 'jellyfin', 'plex', 'discord', 'pushover', 'email'] as const;
export type NotificationService = (typeof NOTIFICATION_SERVICES)[number];

/** Media players refresh their library; the others tell people. */
export const PLAYER_SERVICES = ['kodi', 'jellyfin', 'plex'] as const satisfies readonly NotificationService[];
export type PlayerService = (typeof PLAYER_SERVICES)[number];
export const PEOPLE_SERVICES = ['discord', 'pushover', 'email'] as const satisfies readonly NotificationService[];
export type PeopleService = (typeof PEOPLE_SERVICES)[number];

export const isPlayerService = (service: NotificationService): service is PlayerService =>
  (PLAYER_SERVICES as readonly string[]).includes(service);

const httpUrl = z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' });
const name = z.string().trim().min(1, 'a non-empty name').max(100);
const secret = z.string().trim().min(1, 'a non-empty string').max(2_000);
const timeoutMs = z.number().int('a whole number of milliseconds').min(100).max(120_000).default(10_000);

export const pathMappingSchema = z
  .object({
    from: z.string().startsWith('/', 'an absolute path on this machine'),
    to: z.string().min(1, 'the path as the other side names it'),
  })
  .strict();

/** How long a target that is down keeps being retried, and how often. */
export const deliverySchema = z
  .object({
    /** A target down for longer than this misses the notification; the run records why. */
    retryWindowMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(24 * 60),
    initialRetrySeconds: z.number().min(0.1).max(3_600).default(5),
    maximumRetrySeconds: z
      .number()
      .min(1)
      .max(6 * 3_600)
      .default(600),
  })
  .strict();
export type DeliveryPolicy = z.infer<typeof deliverySchema>;
const delivery = deliverySchema.default({ retryWindowMinutes: 24 * 60, initialRetrySeconds: 5, maximumRetrySeconds: 600 });

const NOTIFIED_EVENTS = ['added', 'updated', 'removed'] as const;
export type NotifiedEvent = (typeof NOTIFIED_EVENTS)[number];
const events = (defaults: NotifiedEvent[]) => z.array(z.enum(NOTIFIED_EVENTS)).default(defaults);

/**
 * People's messages about one library: 0 sends one per title; above 0, the first after a quiet spell goes
 * at once and those within this many seconds of the previous message are sent together as one digest.
 */
const digestSeconds = z.number().min(0).max(86_400).default(0);

/** How a player's refreshes of one library are gathered before they are sent. */
const coalescing = {
  /** The first change after a quiet spell is sent at once; changes within this many seconds of the previous refresh are sent together. */
  coalesceSeconds: z.number().min(0).max(3_600).default(10),
  /** More changed folders than this in one batch become one refresh of the whole library. */
  maxFolderRefreshes: z.number().int().min(1).max(10_000).default(25),
};

export const kodiHostSchema = z
  .object({
    name,
    /** The web server's base URL, e.g. http://livingroom:8080; JSON-RPC is POSTed to <url>/jsonrpc. */
    url: httpUrl,
    username: z.string().max(200).optional(),
    password: z.string().max(2_000).optional(),
    pathMappings: z.array(pathMappingSchema).default([]),
  })
  .strict();

/**
 * Hosts that share one library (a MySQL/MariaDB video database): one scan on any of them updates all, so
 * they are tried in order until one answers. Separate libraries are separate groups.
 */
export const kodiGroupSchema = z.object({ name, hosts: z.array(kodiHostSchema).min(1, 'at least one host') }).strict();

export const kodiConfigSchema = z
  .object({
    groups: z
      .array(kodiGroupSchema)
      .min(1, 'at least one group')
      .refine((groups) => new Set(groups.map((g) => g.name)).size === groups.length, 'group names must be unique'),
    timeoutMs,
    /** While a host plays a video, its scan waits and looks again after this many seconds. */
    playingRecheckSeconds: z.number().min(0.1).max(3_600).default(60),
    events: events(['added', 'updated', 'removed']),
    ...coalescing,
    delivery,
  })
  .strict();

/** What every media player has beside its address and credentials. */
const playerFields = {
  pathMappings: z.array(pathMappingSchema).default([]),
  timeoutMs,
  events: events(['added', 'updated', 'removed']),
  ...coalescing,
  delivery,
};

export const jellyfinConfigSchema = z.object({ url: httpUrl, apiKey: secret, ...playerFields }).strict();

export const plexConfigSchema = z.object({ url: httpUrl, token: secret, ...playerFields }).strict();

export const discordConfigSchema = z
  .object({
    /** https://discord.com/api/webhooks/<id>/<token>: the URL is the secret. */
    webhookUrl: httpUrl,
    username: z.string().trim().min(1).max(80).optional(),
    avatarUrl: httpUrl.optional(),
    timeoutMs,
    events: events(['added']),
    digestSeconds,
    delivery,
  })
  .strict();

export const pushoverConfigSchema = z
  .object({
    url: httpUrl.default('https://api.pushover.net'),
    /** The application's API token. */
    token: secret,
    /** The user or group key to notify. */
    user: secret,
    device: z.string().max(100).optional(),
    priority: z.number().int().min(-2).max(1).default(0),
    timeoutMs,
    events: events(['added']),
    digestSeconds,
    delivery,
  })
  .strict();

export const emailConfigSchema = z
  .object({
    host: z.string().trim().min(1, 'an SMTP host name'),
    port: z.number().int().min(1).max(65_535).default(587),
    /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    username: z.string().max(500).optional(),
    password: z.string().max(2_000).optional(),
    from: z.email('an e-mail address'),
    to: z.array(z.email('an e-mail address')).min(1, 'at least one address'),
    timeoutMs,
    events: events(['added']),
    digestSeconds,
    delivery,
  })
  .strict();

export const notificationConfigSchemas = {
  kodi: kodiConfigSchema,
  jellyfin: jellyfinConfigSchema,
  plex: plexConfigSchema,
  discord: discordConfigSchema,
  pushover: pushoverConfigSchema,
  email: emailConfigSchema,
} as const satisfies Record<NotificationService, z.ZodType>;

export type KodiConfig = z.infer<typeof kodiConfigSchema>;
export type KodiGroupConfig = z.infer<typeof kodiGroupSchema>;
export type KodiHostConfig = z.infer<typeof kodiHostSchema>;
export type JellyfinConfig = z.infer<typeof jellyfinConfigSchema>;
export type PlexConfig = z.infer<typeof plexConfigSchema>;
export type DiscordConfig = z.infer<typeof discordConfigSchema>;
export type PushoverConfig = z.infer<typeof pushoverConfigSchema>;
export type EmailConfig = z.infer<typeof emailConfigSchema>;

export interface NotificationConfigs {
  kodi: KodiConfig;
  jellyfin: JellyfinConfig;
  plex: PlexConfig;
  discord: DiscordConfig;
  pushover: PushoverConfig;
  email: EmailConfig;
}

/**
 * Where each service keeps secrets, as paths with `*` for "every element": masked in answers, and a
 * masked value sent back by PUT keeps the stored one (so a form can round-trip what GET showed).
 */
export const SECRET_PATHS: Record<NotificationService, string[][]> = {
  kodi: [['groups', '*', 'hosts', '*', 'password']],
  jellyfin: [['apiKey']],
  plex: [['token']],
  discord: [['webhookUrl']],
  pushover: [['token'], ['user']],
  email: [['password']],
};
