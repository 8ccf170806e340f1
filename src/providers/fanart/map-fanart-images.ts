import { toIso6391 } from '../../language/language-codes.js';
import { ALL_SEASONS, type ProviderImage } from '../types.js';
import type { FanartImageType } from './fanart-image-types.js';
import type { FanartImage } from './fanart-schemas.js';

const SEASON_SCOPED = new Set(['season-poster', 'season-banner', 'season-landscape']);

/**
 * Every image list of a Fanart.tv answer as ProviderImages, by the given type table. A language-less movie
 * poster is also offered as keyart: Kodi's keyart is exactly a poster without title text.
 */
export function mapFanartImages<K extends string>(
  body: Record<K, FanartImage[]>,
  types: Readonly<Record<K, FanartImageType>>,
  options: { keyartFrom?: K } = {},
): ProviderImage[] {
  return (Object.keys(types) as K[]).flatMap((key) =>
    body[key].flatMap((image): ProviderImage[] => {
      const mapped = mapFanartImage(image, types[key]);
      if (!mapped) return [];
      if (key === options.keyartFrom && mapped.language === null) return [mapped, { ...mapped, assetType: 'keyart' }];
      return [mapped];
    }),
  );
}

function mapFanartImage(image: FanartImage, type: FanartImageType): ProviderImage | undefined {
  const likes = Number.parseInt(String(image.likes ?? ''), 10);
  const mapped: ProviderImage = {
    provider: 'fanart_tv',
    assetType: type.assetType,
    url: image.url,
    ...(type.width ? { width: type.width } : {}),
    ...(type.height ? { height: type.height } : {}),
    // "00" and "" are Fanart.tv's "no language" (text-less artwork).
    language: toIso6391(image.lang),
    ...(Number.isNaN(likes) ? {} : { voteCount: likes }),
  };
  if (!SEASON_SCOPED.has(type.assetType)) return mapped;
  const season = fanartSeason(image.season);
  // Season artwork that names no season cannot be placed anywhere.
  return season === undefined ? undefined : { ...mapped, season };
}

function fanartSeason(season: string | number | null | undefined): number | undefined {
  if (season === null || season === undefined || season === '') return undefined;
  if (String(season).toLowerCase() === 'all') return ALL_SEASONS;
  const number = Number(season);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
}
