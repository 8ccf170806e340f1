import type { Tone } from '../../components/Badge';

/** The badge colour of a request's or an item's status. */
export function statusTone(status: string): Tone {
  if (status === 'COMPLETED') return 'ok';
  if (status === 'FAILED') return 'danger';
  if (status === 'CANCELLED') return 'neutral';
  if (status === 'PARTIAL') return 'warn';
  return 'warn';
}

export const episodeCode = (season: number, episode: number) => `S${String(season).padStart(2, '0')}E${String(episode).padStart(2, '0')}`;
