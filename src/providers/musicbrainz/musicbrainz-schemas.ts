import { z } from 'zod';
import { list, optionalNumber, optionalString } from '../http/schema-helpers.js';

// MusicBrainz ws/2 JSON (fmt=json) wire format, reduced to the fields Reelflow reads
// (https://musicbrainz.org/doc/MusicBrainz_API). Keys are hyphenated as in the XML original.

const lifeSpanSchema = z.looseObject({ begin: optionalString, end: optionalString, ended: z.boolean().nullish() });

export const musicBrainzReleaseGroupSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  'primary-type': optionalString,
  'secondary-types': list(z.string()),
  'first-release-date': optionalString,
  disambiguation: optionalString,
  'artist-credit': list(z.looseObject({ name: z.string(), artist: z.looseObject({ id: z.string(), name: z.string() }) })),
});

export const musicBrainzArtistSearchSchema = z.looseObject({
  artists: list(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      'sort-name': optionalString,
      type: optionalString,
      country: optionalString,
      disambiguation: optionalString,
      score: optionalNumber,
      'life-span': lifeSpanSchema.nullish(),
    }),
  ),
});

export const musicBrainzArtistSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  'sort-name': optionalString,
  type: optionalString,
  country: optionalString,
  disambiguation: optionalString,
  'life-span': lifeSpanSchema.nullish(),
  relations: list(z.looseObject({ type: z.string(), url: z.looseObject({ resource: z.string() }).nullish() })),
  'release-groups': list(musicBrainzReleaseGroupSchema),
});

export type MusicBrainzReleaseGroup = z.output<typeof musicBrainzReleaseGroupSchema>;
export type MusicBrainzArtistSearch = z.output<typeof musicBrainzArtistSearchSchema>;
export type MusicBrainzArtist = z.output<typeof musicBrainzArtistSchema>;
