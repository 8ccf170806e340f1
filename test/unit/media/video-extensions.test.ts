import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../../src/config/phase-config.js';
import { hasVideoExtension, VIDEO_EXTENSIONS } from '../../../src/media/video-extensions.js';

describe('video extensions', () => {
  it('hold every extension the scan and the download chooser each knew before they shared one list', () => {
    const scanDefault = ['.mkv', '.mp4', '.m4v', '.avi', '.mov', '.wmv', '.ts', '.m2ts', '.webm', '.mpg', '.mpeg', '.iso'];
    const downloadChooser = ['.mkv', '.mp4', '.avi', '.m4v', '.ts', '.mov', '.wmv'];
    expect(new Set(VIDEO_EXTENSIONS)).toEqual(new Set([...scanDefault, ...downloadChooser]));
  });

  it('are the scan phase default', () => {
    expect(DEFAULT_PHASE_CONFIG.scan.videoExtensions).toEqual(VIDEO_EXTENSIONS);
  });

  it('match file names in any case, and nothing that only looks like one', () => {
    for (const name of ['Heat (1995).mkv', 'show/S01E01.M2TS', 'disc.iso', 'clip.webm', 'a.MPEG'])
      expect(hasVideoExtension(name)).toBe(true);
    for (const name of ['Heat (1995).nfo', 'poster.jpg', 'mkv', '.mkv', 'movie.mkv.part', 'subs.srt'])
      expect(hasVideoExtension(name)).toBe(false);
  });
});
