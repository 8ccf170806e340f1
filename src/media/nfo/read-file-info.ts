import type { ChildElementReader } from './element-reader.js';
import { toAspectRatio, toInteger } from './field-values.js';
import type { NfoAudioStream, NfoFileInfo, NfoSubtitleStream, NfoVideoStream, XmlElement } from './types.js';
import { withoutUndefined } from './without-undefined.js';

/**
 * `<fileinfo><streamdetails>` with its `<video>`, `<audio>` and `<subtitle>` streams. What a stream holds
 * beyond the modelled fields (Radarr's and Sonarr's `bitrate`, `framerate`, `scantype`, `duration`) and
 * other children of `<streamdetails>` are kept as written, so publishing can lay the probe over them.
 */
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
      extra: nonEmpty(stream.unmodelled()),
    });
  });
  const audio = streamsReader.elements('audio').map((element): NfoAudioStream => {
    const stream = streamsReader.nested(element);
    return withoutUndefined({
      codec: stream.text('codec'),
      language: stream.text('language'),
      channels: stream.converted('channels', toInteger),
      extra: nonEmpty(stream.unmodelled()),
    });
  });
  const subtitles = streamsReader.elements('subtitle').map((element): NfoSubtitleStream => {
    const stream = streamsReader.nested(element);
    return withoutUndefined({ language: stream.text('language'), extra: nonEmpty(stream.unmodelled()) });
  });

  const fileInfo: NfoFileInfo = withoutUndefined({
    video: video.filter(hasFields),
    audio: audio.filter(hasFields),
    subtitles: subtitles.filter(hasFields),
    extra: nonEmpty(streamsReader.unmodelled()),
  });
  const hasContent = fileInfo.video.length + fileInfo.audio.length + fileInfo.subtitles.length > 0 || fileInfo.extra !== undefined;
  return hasContent ? fileInfo : undefined;
}

// An empty `<audio/>` says nothing; dropping it keeps parse → write → parse stable.
function hasFields(stream: object): boolean {
  return Object.keys(stream).length > 0;
}

function nonEmpty(elements: XmlElement[]): XmlElement[] | undefined {
  return elements.length > 0 ? elements : undefined;
}
