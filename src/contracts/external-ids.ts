/**
 * A title's ids at the services that know it, as folder names, NFOs, Radarr/Sonarr and the metadata
 * providers name them. One shape everywhere: what a scan reads is what a provider is asked with.
 */
export interface ExternalIds {
  tmdb?: number;
  imdb?: string;
  tvdb?: number;
  musicbrainz?: string;
}
