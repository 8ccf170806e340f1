import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventType, ReelflowEvent } from './types';

/**
 * The query keys each kind of event makes stale. Pages name their queries under these roots
 * (['activity'], ['titles', …], ['title', kind, id], ['history', …], …) so one event refreshes every view of it.
 */
const STALE_AFTER: Record<EventType, string[]> = {
  'scan.progress': ['activity', 'scan'],
  'scan.finished': ['activity', 'scan', 'libraries', 'titles', 'history'],
  'title.added': ['titles', 'title', 'history', 'activity'],
  'title.updated': ['titles', 'title', 'history', 'activity'],
  'title.removed': ['titles', 'title', 'history', 'activity'],
  'webhook.received': ['history'],
  'release.grabbed': ['activity', 'requests', 'history'],
  'item.downloaded': ['activity', 'requests', 'history'],
  'item.encoded': ['activity', 'requests', 'history'],
  'item.delivered': ['activity', 'requests', 'history'],
  'item.completed': ['activity', 'requests', 'history'],
  'item.failed': ['activity', 'requests', 'history'],
  'item.cancelled': ['activity', 'requests', 'history'],
  'item.approved': ['activity', 'requests', 'history'],
  'item.rejected': ['activity', 'requests', 'history'],
  'item.release-selected': ['activity', 'requests', 'history'],
  'item.status': ['activity', 'requests'],
  'item.progress': ['activity', 'requests'],
  'pipeline.phase': ['activity', 'title'],
  'notification.sent': ['activity', 'history'],
  'notification.failed': ['activity', 'history'],
};
const EVENT_TYPES = Object.keys(STALE_AFTER) as EventType[];
/** Bursts (a scan's folder batches, download percents) refetch at most this often. */
const FLUSH_MS = 250;

type Listener = (event: ReelflowEvent) => void;
const listeners = new Set<Listener>();

/** Hears every live event, for a page that patches its data from the event itself (a progress bar). */
export function useLiveEvent(listener: Listener): void {
  useEffect(() => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listener]);
}

/**
 * Opens the one event stream of the signed-in UI (GET /api/events, with the session cookie: EventSource
 * cannot send headers) and marks the data each event changes as stale, so views refetch what they show.
 * EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed across a reconnect.
 */
export function useLiveEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/events');
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      for (const root of pending) void client.invalidateQueries({ queryKey: [root] satisfies QueryKey });
      pending.clear();
    };
    const handle = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as ReelflowEvent;
      listeners.forEach((listener) => listener(event));
      STALE_AFTER[event.type]?.forEach((root) => pending.add(root));
      timer ??= setTimeout(flush, FLUSH_MS);
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, handle);
    // After a reconnect anything may have changed meanwhile beyond what is replayed (a restart of the API).
    source.addEventListener('open', () => void client.invalidateQueries({ queryKey: ['activity'] }));
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [client]);
}
