import type { ChildElementReader } from './element-reader.js';
import { toAspectRatio, toInteger } from './field-values.js';
import { readChildAttributes } from './read-child-attributes.js';
import { nonEmptyAttributes } from './non-empty-attributes.js';
import type { NfoAudioStream, NfoFileInfo, NfoSubtitleStream, NfoVideoStream, XmlElement } from './types.js';
import { withoutUndefined } from './without-undefined.js';

/**
 * `<fileinfo><streamdetails>` with its `<video>`, `<audio>` and `<subtitle>` streams. What a stream holds
 * beyond the modelled fields (Radarr's and Sonarr's `bitrate`, `framerate`, `scantype`, `duration`), other
 * children of `<streamdetails>` and of `<fileinfo>`, and the attributes of all these elements are kept as
 * written, so publishing can lay the probe over them.
 */
export function readFileInfo(reader: ChildElementReader): NfoFileInfo | undefined {
  const fileInfoElement = reader.first('fileinfo');
  if (fileInfoElement === undefined) return undefined;
  const fileInfoReader = reader.nested(fileInfoElement);
  const streamDetails = fileInfoReader.first('streamdetails');
  const outer = {
    fileInfoAttributes: nonEmptyAttributes(fileInfoElement.attributes),
    fileInfoExtra: nonEmpty(fileInfoReader.unmodelled()),
  };
  const fileInfo: NfoFileInfo = withoutUndefined({
    ...(streamDetails === undefined
      ? { video: [], audio: [], subtitles: [] }
      : readStreamDetails(fileInfoReader.nested(streamDetails), streamDetails)),
    ...outer,
  });
  const { video, audio, subtitles, ...rest } = fileInfo;
  // An empty `<fileinfo/>` says nothing; dropping it keeps parse → write → parse stable.
  return video.length + audio.length + subtitles.length > 0 || Object.keys(rest).length > 0 ? fileInfo : undefined;
}

function readStreamDetails(streamsReader: ChildElementReader, streamDetails: XmlElement): NfoFileInfo {
  const video = streamsReader.elements('video').map((element): NfoVideoStream => {
    const stream = streamsReader.nested(element);
    const values = {
      codec: stream.text('codec'),
      aspect: stream.converted('aspect', toAspectRatio),
      width: stream.converted('width', toInteger),
      height: stream.converted('height', toInteger),
      durationinseconds: stream.converted('durationinseconds', toInteger),
      stereomode: stream.text('stereomode'),
      hdrtype: stream.text('hdrtype'),
    };
    return withoutUndefined({
      codec: values.codec,
      aspect: values.aspect,
      width: values.width,
      height: values.height,
      durationInSeconds: values.durationinseconds,
      stereoMode: values.stereomode,
      hdrType: values.hdrtype,
      extra: nonEmpty(stream.unmodelled()),
      attributes: nonEmptyAttributes(element.attributes),
      elementAttributes: readChildAttributes(stream, values),
    });
  });
  const audio = streamsReader.elements('audio').map((element): NfoAudioStream => {
    const stream = streamsReader.nested(element);
    const values = { codec: stream.text('codec'), language: stream.text('language'), channels: stream.converted('channels', toInteger) };
    return withoutUndefined({
      ...values,
      extra: nonEmpty(stream.unmodelled()),
      attributes: nonEmptyAttributes(element.attributes),
      elementAttributes: readChildAttributes(stream, values),
    });
  });
  const subtitles = streamsReader.elements('subtitle').map((element): NfoSubtitleStream => {
    const stream = streamsReader.nested(element);
    const values = { language: stream.text('language') };
    return withoutUndefined({
      ...values,
      extra: nonEmpty(stream.unmodelled()),
      attributes: nonEmptyAttributes(element.attributes),
      elementAttributes: readChildAttributes(stream, values),
    });
  });

  return withoutUndefined({
    video: video.filter(hasFields),
    audio: audio.filter(hasFields),
    subtitles: subtitles.filter(hasFields),
    extra: nonEmpty(streamsReader.unmodelled()),
    streamDetailsAttributes: nonEmptyAttributes(streamDetails.attributes),
  });
}

// An empty `<audio/>` says nothing; dropping it keeps parse → write → parse stable.
function hasFields(stream: object): boolean {
  return Object.keys(stream).length > 0;
}

function nonEmpty(elements: XmlElement[]): XmlElement[] | undefined {
  return elements.length > 0 ? elements : undefined;
}
