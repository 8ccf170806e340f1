import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** An error the API answers with its own status and message (404, 403, 409, ...). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string) => new HttpError(404, `${what} not found`);

const statusNames: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function errorBody(statusCode: number, message: string) {
  return { statusCode, error: statusNames[statusCode] ?? 'Error', message };
}

/** Every error leaves as `{statusCode, error, message}`; validation messages name the offending field. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'body';
    const message = err.validation
      .map((issue) => {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const field = [where, path].filter(Boolean).join('.');
        const keys = (issue.params as { keys?: unknown }).keys;
        if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          return keys.map((k) => `${field}.${String(k)}: unknown field`).join('; ');
        }
        return `${field}: ${issue.message}`;
      })
      .join('; ');
    return reply.code(400).send(errorBody(400, message));
  }
  if (err instanceof HttpError) return reply.code(err.statusCode).send(errorBody(err.statusCode, err.message));
  if (isResponseSerializationError(err)) {
    request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    return reply.code(500).send(errorBody(500, 'Internal Server Error'));
  }
  const refused = unstorableValue(err);
  if (refused) {
    request.log.warn({ err }, 'the database refused a value of the request');
    return reply.code(400).send(errorBody(400, refused));
  }
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  if (status === 500) request.log.error({ err }, 'request failed');
  return reply.code(status).send(errorBody(status, status === 500 ? 'Internal Server Error' : err.message));
}

/**
 * Postgres's data exceptions (class 22: a value out of range, bytes it cannot encode, text a column type
 * cannot read) come from a value of the request that got past validation: the request is at fault, so
 * they are a 400 naming the column when Postgres names it. The input guard and the schemas catch these
 * first; this is the last defence.
 */
function unstorableValue(err: unknown): string | undefined {
  for (let cause: unknown = err, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (cause.name === 'PostgresError' && typeof code === 'string' && code.startsWith('22')) {
      const column = (cause as { column_name?: unknown }).column_name;
      return `${typeof column === 'string' && column ? column : 'body'}: a value cannot be stored (${PG_DATA_EXCEPTIONS[code] ?? 'invalid value'})`;
    }
  }
  return undefined;
}

const PG_DATA_EXCEPTIONS: Record<string, string> = {
  '22001': 'text too long',
  '22003': 'number out of range',
  '22007': 'invalid date or time',
  '22008': 'date or time out of range',
  '22021': 'invalid byte sequence',
  '22P02': 'invalid text representation',
  '22P05': 'untranslatable character',
};
