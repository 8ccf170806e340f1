import type { FastifyServerOptions } from 'fastify';
import { redactSecrets } from './redact.js';

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

interface LoggedError {
  type?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  statusCode?: unknown;
}

/**
 * The request and error serializers every log line of the API goes through: URLs and error texts lose
 * their credentials (`?apikey=` is how *arr webhooks authenticate, so it is in many request URLs).
 * Headers are not logged at all, so `X-Api-Key` and Basic auth never reach the log.
 */
export const redactingSerializers = {
  req(request: LoggedRequest) {
    return {
      method: request.method,
      url: redactSecrets(request.url),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort,
    };
  },
  err(error: LoggedError) {
    const own = error as LoggedError & { cause?: unknown };
    return {
      type: error instanceof Error ? error.constructor.name : typeof error,
      message: redactSecrets(String(own.message ?? error)),
      stack: redactSecrets(own.stack ?? ''),
      ...(own.code === undefined ? {} : { code: own.code }),
      ...(own.statusCode === undefined ? {} : { statusCode: own.statusCode }),
      ...(own.cause instanceof Error ? { cause: redactSecrets(String(own.cause.stack ?? own.cause.message)) } : {}),
    };
  },
};

/** Strings anywhere in a logged object (a `url` field a route logs, an error's detail), to a few levels. */
function redactFields(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (depth === 0 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactFields(v, depth - 1)]));
}

/**
 * The app's logger options with redaction added (false stays off): the serializers above, every logged
 * object's string fields, and the message text itself.
 */
export function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    serializers: { ...(options.serializers ?? {}), ...redactingSerializers },
    formatters: {
      ...(options.formatters ?? {}),
      log: (object: Record<string, unknown>) =>
        redactFields(options.formatters?.log ? options.formatters.log(object) : object, 4) as Record<string, unknown>,
    },
    hooks: {
      ...(options.hooks ?? {}),
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
}
