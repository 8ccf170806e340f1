/**
 * Language codes, both ways: media files name languages in ISO 639-2 (Matroska stores it, ffprobe reports
 * it, and file names carry names and codes of either length), metadata providers mostly in ISO 639-1.
 * Each side keeps its own standard; these are the two conversions.
 */

/**
 * One row per language: ISO 639-1, ISO 639-2/B, the 639-2/T code where it differs, and names people put
 * in file names. 639-2/B is the canonical form because Matroska stores it and mkvmerge writes it.
 */
const LANGUAGES: readonly (readonly [string, string, string | null, ...string[]])[] = [
  ['af', 'afr', null, 'afrikaans'],
  ['sq', 'alb', 'sqi', 'albanian'],
  ['am', 'amh', null, 'amharic'],
  ['ar', 'ara', null, 'arabic'],
  ['hy', 'arm', 'hye', 'armenian'],
  ['az', 'aze', null, 'azerbaijani'],
  ['eu', 'baq', 'eus', 'basque'],
  ['be', 'bel', null, 'belarusian'],
  ['bn', 'ben', null, 'bengali'],
  ['bs', 'bos', null, 'bosnian'],
  ['bg', 'bul', null, 'bulgarian'],
  ['my', 'bur', 'mya', 'burmese'],
  ['ca', 'cat', null, 'catalan'],
  ['zh', 'chi', 'zho', 'chinese', 'mandarin'],
  ['hr', 'hrv', null, 'croatian'],
  ['cs', 'cze', 'ces', 'czech', 'cesky', 'čeština'],
  ['da', 'dan', null, 'danish', 'dansk'],
  ['nl', 'dut', 'nld', 'dutch', 'flemish', 'nederlands'],
  ['en', 'eng', null, 'english'],
  ['eo', 'epo', null, 'esperanto'],
  ['et', 'est', null, 'estonian'],
  ['fo', 'fao', null, 'faroese'],
  ['fi', 'fin', null, 'finnish', 'suomi'],
  ['fr', 'fre', 'fra', 'french', 'francais', 'français'],
  ['gl', 'glg', null, 'galician'],
  ['ka', 'geo', 'kat', 'georgian'],
  ['de', 'ger', 'deu', 'german', 'deutsch'],
  ['el', 'gre', 'ell', 'greek'],
  ['gu', 'guj', null, 'gujarati'],
  ['he', 'heb', null, 'hebrew'],
  ['hi', 'hin', null, 'hindi'],
  ['hu', 'hun', null, 'hungarian', 'magyar'],
  ['is', 'ice', 'isl', 'icelandic'],
  ['id', 'ind', null, 'indonesian'],
  ['ga', 'gle', null, 'irish'],
  ['it', 'ita', null, 'italian', 'italiano'],
  ['ja', 'jpn', null, 'japanese'],
  ['kn', 'kan', null, 'kannada'],
  ['kk', 'kaz', null, 'kazakh'],
  ['km', 'khm', null, 'khmer'],
  ['ko', 'kor', null, 'korean'],
  ['ku', 'kur', null, 'kurdish'],
  ['lo', 'lao', null, 'lao'],
  ['la', 'lat', null, 'latin'],
  ['lv', 'lav', null, 'latvian'],
  ['lt', 'lit', null, 'lithuanian'],
  ['lb', 'ltz', null, 'luxembourgish'],
  ['mk', 'mac', 'mkd', 'macedonian'],
  ['ms', 'may', 'msa', 'malay'],
  ['ml', 'mal', null, 'malayalam'],
  ['mt', 'mlt', null, 'maltese'],
  ['mi', 'mao', 'mri', 'maori'],
  ['mr', 'mar', null, 'marathi'],
  ['mn', 'mon', null, 'mongolian'],
  ['ne', 'nep', null, 'nepali'],
  ['no', 'nor', null, 'norwegian', 'norsk'],
  ['nb', 'nob', null, 'bokmal', 'bokmål'],
  ['nn', 'nno', null, 'nynorsk'],
  ['fa', 'per', 'fas', 'persian', 'farsi'],
  ['pl', 'pol', null, 'polish', 'polski'],
  ['pt', 'por', null, 'portuguese', 'portugues', 'português'],
  ['pa', 'pan', null, 'punjabi'],
  ['ro', 'rum', 'ron', 'romanian'],
  ['ru', 'rus', null, 'russian'],
  ['sr', 'srp', null, 'serbian'],
  ['si', 'sin', null, 'sinhala', 'sinhalese'],
  ['sk', 'slo', 'slk', 'slovak'],
  ['sl', 'slv', null, 'slovenian', 'slovene'],
  ['so', 'som', null, 'somali'],
  ['es', 'spa', null, 'spanish', 'castilian', 'espanol', 'español'],
  ['sw', 'swa', null, 'swahili'],
  ['sv', 'swe', null, 'swedish', 'svenska'],
  ['tl', 'tgl', null, 'tagalog', 'filipino'],
  ['ta', 'tam', null, 'tamil'],
  ['te', 'tel', null, 'telugu'],
  ['th', 'tha', null, 'thai'],
  ['bo', 'tib', 'bod', 'tibetan'],
  ['tr', 'tur', null, 'turkish'],
  ['uk', 'ukr', null, 'ukrainian'],
  ['ur', 'urd', null, 'urdu'],
  ['uz', 'uzb', null, 'uzbek'],
  ['vi', 'vie', null, 'vietnamese'],
  ['cy', 'wel', 'cym', 'welsh'],
  ['xh', 'xho', null, 'xhosa'],
  ['yi', 'yid', null, 'yiddish'],
  ['yo', 'yor', null, 'yoruba'],
  ['zu', 'zul', null, 'zulu'],
];

const LANGUAGE_BY_ALIAS = new Map<string, string>();
for (const [alpha2, bibliographic, terminologic, ...names] of LANGUAGES) {
  for (const alias of [alpha2, bibliographic, terminologic, ...names]) {
    if (alias) LANGUAGE_BY_ALIAS.set(alias, bibliographic);
  }
}

/** Codes ISO 639-2 reserves for no, many, other or undetermined language. */
const SPECIAL_LANGUAGE_CODES = new Set(['und', 'mul', 'mis', 'zxx']);

/**
 * The ISO 639-2/B code for a language written as an ISO 639-1 or 639-2 code, a BCP 47 tag (`pt-BR`,
 * `en_US`) or an English name; null when the text is not a language. A three-letter code outside the
 * table above is kept as written, since ISO 639-2 has some 480 codes and a stream tag is meant as one;
 * `listedOnly` turns that off for file-name words, where `fix` or `dub` is no language.
 */
export function toIso6392(text: string | undefined | null, opts: { listedOnly?: boolean } = {}): string | null {
  const lower = (text ?? '').trim().toLowerCase();
  if (!lower) return null;
  const known = LANGUAGE_BY_ALIAS.get(lower);
  if (known) return known;
  if (SPECIAL_LANGUAGE_CODES.has(lower)) return lower;
  const primarySubtag = /^([a-z]{2,3})[-_][a-z0-9]{2,8}$/.exec(lower)?.[1];
  if (primarySubtag) return toIso6392(primarySubtag, opts);
  return !opts.listedOnly && /^[a-z]{3}$/.test(lower) ? lower : null;
}

/**
 * Providers name languages differently: TMDB and Fanart.tv use ISO 639-1 ("en"), TVDB ISO 639-2 ("eng"),
 * and "no language" is null, "", "00", "zxx" or "und". Artwork is compared across providers, so every
 * ProviderImage carries ISO 639-1 where one exists (Intl's canonicalisation maps "eng" to "en"), or null.
 */
export function toIso6391(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const trimmed = code.trim().toLowerCase();
  if (trimmed === '' || trimmed === '00' || trimmed === 'zxx' || trimmed === 'und' || trimmed === 'null') return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical ?? trimmed;
  } catch {
    // Not a valid language tag at all; keep what the provider said rather than drop the information.
    return trimmed;
  }
}
