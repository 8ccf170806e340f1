import { formatBytes } from '../../../format/format';
import type { TitleDetail } from './queries';

type MediaFile = TitleDetail['mediaFiles'][number];
type Stream = MediaFile['streams'][number];

const num = (value: unknown) => (typeof value === 'number' ? value : null);

function describe(stream: Stream): string {
  const parts: string[] = [stream.codec ?? 'unknown codec'];
  if (stream.streamType === 'video') {
    const width = num(stream.width);
    const height = num(stream.height);
    if (width && height) parts.push(`${width}×${height}`);
    if (typeof stream.hdr === 'string' && stream.hdr && stream.hdr !== 'none') parts.push(stream.hdr);
  }
  if (stream.streamType === 'audio' && num(stream.channels)) parts.push(`${num(stream.channels)} ch`);
  if (stream.language) parts.push(stream.language);
  if (stream.isForced === true) parts.push('forced');
  if (stream.external === true) parts.push('external');
  return parts.join(' · ');
}

/** Each media file with its streams: codec, resolution, HDR, audio and subtitle languages. */
export function FilesTable({ files }: { files: MediaFile[] }) {
  if (files.length === 0) return <p className="muted">No media files.</p>;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="data">
        <thead>
          <tr>
            <th>File</th>
            <th>Video</th>
            <th>Audio</th>
            <th>Subtitles</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => {
            const of = (type: Stream['streamType']) => file.streams.filter((s) => s.streamType === type).map(describe);
            return (
              <tr key={file.relativePath}>
                <td>
                  <span className="mono">{file.relativePath}</span>
                  <br />
                  <span className="muted">
                    {formatBytes(file.sizeBytes)}
                    {file.container && ` · ${file.container}`}
                    {file.probeError && ` · ${file.probeError}`}
                  </span>
                </td>
                <td>{of('video').join('; ') || '—'}</td>
                <td>{of('audio').join('; ') || '—'}</td>
                <td>{of('subtitle').join('; ') || '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
