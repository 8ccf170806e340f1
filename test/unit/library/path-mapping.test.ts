import { describe, expect, it } from 'vitest';
import { mapRemotePath } from '../../../src/library/path-mapping.js';

describe('mapRemotePath', () => {
  const mappings = [
    { remotePrefix: '/movies', localPrefix: '/srv/media/movies' },
    { remotePrefix: '/movies/4k', localPrefix: '/srv/uhd' },
    { remotePrefix: 'D:\\Media\\TV', localPrefix: '/srv/media/tv' },
  ];

  it('replaces the remote prefix with the local one', () => {
    expect(mapRemotePath(mappings, '/movies/Heat (1995)')).toBe('/srv/media/movies/Heat (1995)');
    expect(mapRemotePath(mappings, '/movies/')).toBe('/srv/media/movies');
  });

  it('uses the longest matching prefix', () => {
    expect(mapRemotePath(mappings, '/movies/4k/Dune (2021)')).toBe('/srv/uhd/Dune (2021)');
  });

  it('matches whole path segments only', () => {
    expect(mapRemotePath(mappings, '/movies-old/Heat (1995)')).toBeNull();
  });

  it('reads Windows paths from a Windows Sonarr', () => {
    expect(mapRemotePath(mappings, 'D:\\Media\\TV\\Severance\\Season 01')).toBe('/srv/media/tv/Severance/Season 01');
  });

  it('returns null when no mapping applies', () => {
    expect(mapRemotePath(mappings, '/music/x')).toBeNull();
    expect(mapRemotePath([], '/movies/x')).toBeNull();
  });
});
