import { describe, expect, it } from 'vitest';
import { mapPath } from '../../../src/integrations/path-mapping.js';

describe('mapPath', () => {
  it('replaces the matching prefix with the other side’s name for it', () => {
    expect(mapPath('/srv/media/movies/Heat (1995)', [{ from: '/srv/media', to: 'smb://nas/media' }])).toBe(
      'smb://nas/media/movies/Heat (1995)',
    );
  });

  it('ends directories with the separator Kodi expects', () => {
    expect(mapPath('/srv/media/movies/Heat (1995)/', [{ from: '/srv/media/', to: 'smb://nas/media/' }], { directory: true })).toBe(
      'smb://nas/media/movies/Heat (1995)/',
    );
    expect(mapPath('/srv/media', [{ from: '/srv/media', to: 'nfs://nas/media' }], { directory: true })).toBe('nfs://nas/media/');
  });

  it('uses backslashes for a Windows target, drive letter or UNC', () => {
    expect(mapPath('/srv/media/movies/Heat (1995)', [{ from: '/srv/media', to: 'D:\\Media' }], { directory: true })).toBe(
      'D:\\Media\\movies\\Heat (1995)\\',
    );
    expect(mapPath('/srv/media/tv/Severance', [{ from: '/srv/media', to: '\\\\nas\\media' }])).toBe('\\\\nas\\media\\tv\\Severance');
  });

  it('picks the longest matching prefix', () => {
    const mappings = [
      { from: '/srv', to: 'smb://nas/all' },
      { from: '/srv/media/4k', to: 'smb://nas4k/movies' },
    ];
    expect(mapPath('/srv/media/4k/Dune (2021)', mappings)).toBe('smb://nas4k/movies/Dune (2021)');
    expect(mapPath('/srv/media/hd/Dune (2021)', mappings)).toBe('smb://nas/all/media/hd/Dune (2021)');
  });

  it('matches whole path segments only', () => {
    expect(mapPath('/srv/movies-4k/Dune (2021)', [{ from: '/srv/movies', to: 'smb://nas/movies' }])).toBeUndefined();
  });

  it('maps everything from "/" when that is the prefix', () => {
    expect(mapPath('/srv/movies/Dune', [{ from: '/', to: '/mnt/host' }])).toBe('/mnt/host/srv/movies/Dune');
  });

  it('keeps the path as it is without mappings, and gives undefined when mappings exist but none matches', () => {
    expect(mapPath('/srv/movies/Dune', [])).toBe('/srv/movies/Dune');
    expect(mapPath('/srv/movies/Dune', [], { directory: true })).toBe('/srv/movies/Dune/');
    expect(mapPath('/srv/movies/Dune', [{ from: '/data', to: '/x' }])).toBeUndefined();
  });
});
