import { z } from 'zod';
import { list, optionalString } from '../http/schema-helpers.js';
import { FANART_MOVIE_TYPES, FANART_TV_TYPES, type FanartMovieKey, type FanartTvKey } from './fanart-image-types.js';

// Fanart.tv v3 wire format (https://fanarttv.docs.apiary.io/): one array per image type, each image with
// url, lang and likes as strings; season artwork adds `season` ("1", "0" for specials, "all").

export const fanartImageSchema = z.looseObject({
  url: z.string(),
  lang: optionalString,
  likes: z.union([z.string(), z.number()]).nullish(),
  season: z.union([z.string(), z.number()]).nullish(),
});

export type FanartImage = z.output<typeof fanartImageSchema>;

function imageListsSchema<K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((key) => [key, list(fanartImageSchema)])) as Record<
    K,
    ReturnType<typeof list<typeof fanartImageSchema>>
  >;
  return z.looseObject(shape);
}

export const fanartMovieSchema = imageListsSchema(Object.keys(FANART_MOVIE_TYPES) as FanartMovieKey[]);
export const fanartTvSchema = imageListsSchema(Object.keys(FANART_TV_TYPES) as FanartTvKey[]);
