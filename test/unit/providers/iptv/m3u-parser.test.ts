import { describe, expect, it } from 'vitest';
import { parseM3u } from '../../../../src/providers/iptv/m3u-parser.js';

describe('parseM3u', () => {
  it('reads attributes, the display name after the first comma outside quotes, and the URL line', () => {
    const items = parseM3u(
      [
        '#EXTM3U x-tvg-url="http://epg.example/guide.xml"',
        '#EXTINF:-1 tvg-id="tt0133093" tvg-name="Matrix, The" tvg-logo="http://l/1.jpg" group-title="Movies",The Matrix (1999)',
        '#EXTVLCOPT:http-user-agent=VLC',
        'http://host/movie/u/p/1.mkv',
        '#EXTINF:0 group-title="Series",Show S01E01',
        '#EXTINF:-1,Orphan at the end',
      ].join('\r\n'),
    );
    expect(items).toEqual([
      {
        line: 2,
        attributes: { 'tvg-id': 'tt0133093', 'tvg-name': 'Matrix, The', 'tvg-logo': 'http://l/1.jpg', 'group-title': 'Movies' },
        displayName: 'The Matrix (1999)',
        url: 'http://host/movie/u/p/1.mkv',
      },
      { line: 5, attributes: { 'group-title': 'Series' }, displayName: 'Show S01E01', url: undefined },
      { line: 6, attributes: {}, displayName: 'Orphan at the end', url: undefined },
    ]);
  });
});
