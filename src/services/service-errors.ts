import { isUniqueViolation } from '../db/repositories/constraint-violations.js';

/**
 * Errors a service raises for its caller to answer: the REST API and the *arr API turn them into a 4xx with
 * the message, which names the field at fault.
 */
export class InvalidRequestError extends Error {
  readonly statusCode = 400;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRequestError';
  }
}

export class ConflictError extends Error {
  readonly statusCode = 409;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  readonly statusCode = 404;
  /** "<what> not found", unless a message says more. */
  constructor(what: string, message = `${what} not found`) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends Error {
  readonly statusCode = 403;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The request is well formed but names something the service cannot act on (a path in no library). */
export class UnprocessableError extends Error {
  readonly statusCode = 422;
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableError';
  }
}

/** A write refused because the name is taken (a unique constraint) becomes a conflict naming it. */
export function nameTaken(name: string) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw new ConflictError(`The name "${name}" is already taken`);
    throw error;
  };
}
