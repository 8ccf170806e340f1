import { EventSource, type FetchLike } from 'eventsource';
import type { paths } from '../api/openapi/schema.js';
import { CliError, refusal, unreachable } from './api.js';
import type { Target } from './target.js';

/** One event of GET /api/events (the same shape as a GET /api/history entry). */
export type ApiEvent = paths['/api/history']['get']['responses'][200]['content']['application/json']['events'][number];
export type EventTypeName = ApiEvent['type'];
type Subjects = Omit<NonNullable<paths['/api/events']['get']['parameters']['query']>, 'type'>;

export interface EventStreamHandlers {
  onEvent(event: ApiEvent): void;
  /** The stream is open again after it was lost: what happened meanwhile was sent first (Last-Event-ID). */
  onReconnected(): void;
  /** The stream was lost; the client is reconnecting. */
  onLost(reason: string): void;
  /** The API refused the stream (or it closed for good); nothing more will come. */
  onFailed(error: CliError): void;
}

export interface EventStream {
  /** Resolves once the stream is open (events from then on arrive), rejects when it could not be opened. */
  opened: Promise<void>;
  close(): void;
}

/**
 * GET /api/events for some event types about one subject. EventSource reconnects by itself with
 * Last-Event-ID, so a dropped connection loses nothing; the key goes in the X-Api-Key header.
 */
export function openEventStream(target: Target, types: EventTypeName[], subjects: Subjects, handlers: EventStreamHandlers): EventStream {
  const url = new URL(`${target.url}/api/events`);
  url.searchParams.set('type', types.join(','));
  for (const [name, value] of Object.entries(subjects)) if (value) url.searchParams.set(name, value);

  // What the last attempt met, to say more than EventSource's own error event does.
  let problem: CliError | undefined;
  const withKey: FetchLike = async (input, init) => {
    problem = undefined;
    let response: Response;
    try {
      response = await fetch(input, { ...init, headers: { ...init.headers, ...(target.apiKey ? { 'x-api-key': target.apiKey } : {}) } });
    } catch (err) {
      problem = unreachable(target.url, err);
      throw err;
    }
    if (!response.ok)
      problem = refusal(
        response,
        await response
          .clone()
          .json()
          .catch(() => undefined),
        target,
      );
    return response;
  };

  const source = new EventSource(url, { fetch: withKey });
  let wasOpen = false;
  let resolveOpened!: () => void;
  let rejectOpened!: (error: CliError) => void;
  const opened = new Promise<void>((resolve, reject) => {
    resolveOpened = resolve;
    rejectOpened = reject;
  });

  for (const type of types) {
    source.addEventListener(type, (message: MessageEvent) => handlers.onEvent(JSON.parse(String(message.data)) as ApiEvent));
  }
  source.addEventListener('open', () => {
    if (wasOpen) handlers.onReconnected();
    wasOpen = true;
    resolveOpened();
  });
  source.addEventListener('error', (event) => {
    const error = problem ?? new CliError(`The event stream at ${url.origin} failed: ${event.message ?? 'no reason given'}`);
    if (!wasOpen) {
      // Not open yet: the command cannot show anything live, so it says why now rather than retry.
      source.close();
      rejectOpened(error);
    } else if (source.readyState === EventSource.CLOSED) {
      handlers.onFailed(error);
    } else {
      handlers.onLost(error.message);
    }
  });
  return { opened, close: () => source.close() };
}
