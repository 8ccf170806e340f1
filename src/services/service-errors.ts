import { isUniqueViolation } from '../db/repositories/constraint-violations.js';

/**
 * Errors a service raises for its caller to answer: the REST API and the *arr API turn them into a 4xx with
 * the message, which names the field at fault.
 */
/** What every service refusal shares: the 4xx the API answers with, and a name that says which refusal it is. */
abstract class ServiceRefusal extends Error {
  abstract readonly statusCode: 400 | 403 | 404 | 409 | 422;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidRequestError extends ServiceRefusal {
  readonly statusCode = 400;
}

export class ConflictError extends ServiceRefusal {
  readonly statusCode = 409;
}

export class NotFoundError extends ServiceRefusal {
  readonly statusCode = 404;
  /** "<what> not found", unless a message says more. */
  constructor(what: string, message = `${what} not found`) {
    super(message);
  }
}

export class ForbiddenError extends ServiceRefusal {
  readonly statusCode = 403;
}

/** The request is well formed but names something the service cannot act on (a path in no library). */
export class UnprocessableError extends ServiceRefusal {
  readonly statusCode = 422;
}

/** A write refused because the name is taken (a unique constraint) becomes a conflict naming it. */
export function nameTaken(name: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw new ConflictError(`The name "${name}" is already taken`);
    throw error;
  };
}
