import type { ChildElementReader } from './element-reader.js';
import { toAspectRatio, toInteger } from './field-values.js';
import type { NfoAudioStream, NfoFileInfo, NfoSubtitleStream, NfoVideoStream } from './types.js';
import { withoutUndefined } from './without-undefined.js';

/** `<fileinfo><streamdetails>` with its `<video>`, `<audio>` and `<subtitle>` streams. */
export function readFileInfo(reader: ChildElementReader): NfoFileInfo | undefined {
  const fileInfoElement = reader.first('fileinfo');
  if (fileInfoElement === undefined) return undefined;
  const fileInfoReader = reader.nested(fileInfoElement);
  const streamDetails = fileInfoReader.first('streamdetails');
  if (streamDetails === undefined) return undefined;
  const streamsReader = fileInfoReader.nested(streamDetails);

  const video = streamsReader.elements('video').map((element): NfoVideoStream => {
    const stream = streamsReader.nested(element);
    return withoutUndefined({
      codec: stream.text('codec'),
      aspect: stream.converted('aspect', toAspectRatio),
      width: stream.converted('width', toInteger),
      height: stream.converted('height', toInteger),
      durationInSeconds: stream.converted('durationinseconds', toInteger),
      stereoMode: stream.text('stereomode'),
      hdrType: stream.text('hdrtype'),
    });
  });
  const audio = streamsReader.elements('audio').map((element): NfoAudioStream => {
    const stream = streamsReader.nested(element);
    return withoutUndefined({
      codec: stream.text('codec'),
      language: stream.text('language'),
      channels: stream.converted('channels', toInteger),
    });
  });
  const subtitles = streamsReader.elements('subtitle').map((element): NfoSubtitleStream => {
    const stream = streamsReader.nested(element);
    return withoutUndefined({ language: stream.text('language') });
  });

  const fileInfo: NfoFileInfo = {
    video: video.filter(hasFields),
    audio: audio.filter(hasFields),
    subtitles: subtitles.filter(hasFields),
  };
  const hasStreams = fileInfo.video.length + fileInfo.audio.length + fileInfo.subtitles.length > 0;
  return hasStreams ? fileInfo : undefined;
}

// An empty `<audio/>` says nothing; dropping it keeps parse → write → parse stable.
function hasFields(stream: object): boolean {
  return Object.keys(stream).length > 0;
}
