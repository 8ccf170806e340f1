/**
 * Sent when a client is not given its own User-Agent, so providers can tell our traffic apart from generic
 * Node clients. MusicBrainz requires a contactable one and therefore has no default (see its client).
 */
export const DEFAULT_USER_AGENT = 'Reelflow/0.1.0';
