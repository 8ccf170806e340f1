import { postDiscordMessage } from './discord/discord-client.js';
import { sendEmailMessage } from './email/email-sender.js';
import { TargetError } from './http/target-error.js';
import { JellyfinClient } from './jellyfin/jellyfin-client.js';
import { KodiClient } from './kodi/kodi-client.js';
import { refreshKodiGroup } from './kodi/kodi-group-refresh.js';
import type { NotificationConfigs, NotificationService, PeopleService } from './notification-config.js';
import { testMessage, type TitleMessage } from './notification-message.js';
import type { PlayerRefreshOutcome, PlayerRefreshRequest } from './player-refresh.js';
import { PlexClient } from './plex/plex-client.js';
import { sendPushoverMessage } from './pushover/pushover-client.js';

export type PlayerTargetRef = { service: 'kodi'; group: string } | { service: 'jellyfin' } | { service: 'plex' };

/** Sends one library refresh to a player with its current config. */
export async function refreshPlayer(
  target: PlayerTargetRef,
  config: NotificationConfigs['kodi'] | NotificationConfigs['jellyfin'] | NotificationConfigs['plex'],
  request: PlayerRefreshRequest,
): Promise<PlayerRefreshOutcome> {
  switch (target.service) {
    case 'kodi': {
      const kodi = config as NotificationConfigs['kodi'];
      const group = kodi.groups.find((g) => g.name === target.group);
      if (!group) {
        // The group was renamed or removed since the refresh was queued: nothing to send it to.
        throw new TargetError(`Kodi group "${target.group}" is no longer configured`, {
          target: 'Kodi',
          endpoint: '/jsonrpc',
          retryable: false,
        });
      }
      return refreshKodiGroup(group, kodi.timeoutMs, request);
    }
    case 'jellyfin':
      return new JellyfinClient(config as NotificationConfigs['jellyfin']).refresh(request);
    case 'plex':
      return new PlexClient(config as NotificationConfigs['plex']).refresh(request);
  }
}

/** Tells people through one service; returns what the service answered. */
export function notifyPeople<S extends PeopleService>(service: S, config: NotificationConfigs[S], message: TitleMessage): Promise<string> {
  switch (service) {
    case 'discord':
      return postDiscordMessage(config as NotificationConfigs['discord'], message);
    case 'pushover':
      return sendPushoverMessage(config as NotificationConfigs['pushover'], message);
    case 'email':
      return sendEmailMessage(config as NotificationConfigs['email'], message);
    default:
      throw new Error(`${service} is not a people-notification service`);
  }
}

/**
 * What POST /api/notifications/:service/test does: a harmless call that proves the URL and credentials on
 * players (Kodi's JSON-RPC ping on every host, Jellyfin's system info, Plex's sections) and a real test
 * message on the people services. Returns what each target said; throws TargetError when one refused.
 */
export async function sendTestNotification<S extends NotificationService>(
  service: S,
  config: NotificationConfigs[S],
  now: Date,
): Promise<string[]> {
  switch (service) {
    case 'kodi': {
      const kodi = config as NotificationConfigs['kodi'];
      const answers: string[] = [];
      for (const group of kodi.groups) {
        for (const host of group.hosts) {
          const client = new KodiClient(host, kodi.timeoutMs);
          answers.push(`${client.displayName} (group "${group.name}") answered JSONRPC.Ping with ${JSON.stringify(await client.ping())}`);
        }
      }
      return answers;
    }
    case 'jellyfin': {
      const info = await new JellyfinClient(config as NotificationConfigs['jellyfin']).systemInfo();
      return [`Jellyfin "${info.ServerName ?? '?'}" version ${info.Version ?? '?'}`];
    }
    case 'plex': {
      const sections = await new PlexClient(config as NotificationConfigs['plex']).sections();
      return [`Plex has ${sections.length} section(s): ${sections.map((s) => `${s.title} (${s.locations.join(', ')})`).join('; ')}`];
    }
    default:
      return [await notifyPeople(service as PeopleService, config as NotificationConfigs[PeopleService], testMessage(now.toISOString()))];
  }
}
