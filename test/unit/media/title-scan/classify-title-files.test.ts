import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASE_CONFIG } from '../../../../src/config/phase-config.js';
import { classifyTitleFiles } from '../../../../src/media/title-scan/classify-title-files.js';
import type { TitleFile } from '../../../../src/media/title-scan/title-files.js';
import { compileVideoNameRules } from '../../../../src/media/title-scan/video-names.js';

const rules = compileVideoNameRules(DEFAULT_PHASE_CONFIG.scan);

function file(relativePath: string, sizeBytes = 10): TitleFile {
  const slash = relativePath.lastIndexOf('/');
  return {
    relativePath,
    name: relativePath.slice(slash + 1),
    folder: slash === -1 ? '' : relativePath.slice(0, slash),
    absolutePath: `/library/Movie/${relativePath}`,
    sizeBytes,
    mtimeMs: 1,
  };
}

const video = { relativePath: 'Movie.mkv', sizeBytes: 10, mtimeMs: 1 };

describe('classifyTitleFiles', () => {
  it('gives both halves of a VobSub pair to the video', () => {
    const classified = classifyTitleFiles([file('Movie.mkv'), file('Movie.en.idx'), file('Movie.en.sub')], [video], rules);

    expect(classified.subtitlesByVideo.get('Movie.mkv')?.map((subtitle) => [subtitle.fileName, subtitle.format])).toEqual([
      ['Movie.en.idx', 'vobsub'],
    ]);
    expect(classified.unknownFiles).toEqual([]);
  });

  it('lists subtitles named after no video, and files inside .actors that are no portrait, as unknown', () => {
    const classified = classifyTitleFiles(
      [file('Movie.mkv'), file('Other.en.srt', 7), file('.actors/readme.txt', 3), file('.actors/Jane_Doe.png')],
      [video],
      rules,
    );

    expect(classified.unknownFiles).toEqual([
      { relativePath: '.actors/readme.txt', sizeBytes: 3 },
      { relativePath: 'Other.en.srt', sizeBytes: 7 },
    ]);
    expect(classified.actorThumbs).toEqual([{ actorName: 'Jane_Doe', relativePath: '.actors/Jane_Doe.png' }]);
  });

  it('keeps every NFO apart from unknown files, matched case-insensitively by extension', () => {
    const classified = classifyTitleFiles([file('Movie.mkv'), file('MOVIE.NFO'), file('release.nfo')], [video], rules);

    expect(classified.nfoFiles.map((nfo) => nfo.relativePath)).toEqual(['MOVIE.NFO', 'release.nfo']);
    expect(classified.unknownFiles).toEqual([]);
  });
});
