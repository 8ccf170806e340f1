import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.js';
import { findUnstorable } from './storable-strings.js';

/**
 * Before any route's validation: params, query and body with a string Postgres cannot store (NUL, lone
 * surrogate) or absurd nesting are a 400 naming the field, whatever the route's own schema says.
 */
export async function refuseUnstorableInput(request: FastifyRequest, reply: FastifyReply) {
  const parts: [string, unknown][] = [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ];
  for (const [where, value] of parts) {
    const problem = findUnstorable(value, where);
    if (problem) return reply.code(400).send(errorBody(400, `${problem.field}: ${problem.message}`));
  }
}
