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
