import { ServiceError, type ServiceErrorDetails } from '../../http/service-error.js';

// Every failure to reach a notification target is a TargetError (a ServiceError), so the notify activities
// can turn it into a Temporal failure the retry policy understands.

export interface TargetErrorDetails extends Omit<ServiceErrorDetails, 'service'> {
  /** Display name, e.g. "Kodi (living room)". */
  target: string;
  /** Retrying may help: the target is down, slow, busy, or its configuration may be fixed meanwhile. */
  retryable: boolean;
}

export class TargetError extends ServiceError {
  override readonly name = 'TargetError';
  readonly nonRetryable: boolean;

  constructor(message: string, { target, retryable, ...details }: TargetErrorDetails) {
    super(message, { ...details, service: target });
    this.nonRetryable = !retryable;
  }
}

/**
 * Which HTTP answers are worth another attempt. Only a request the target calls malformed (400, 422) is
 * final: that is our bug and repeating it changes nothing. Everything else may clear up — the target comes
 * back, stops throttling, or a person corrects its token through the API, which the next attempt reads.
 */
export const isRetryableStatus = (status: number) => status !== 400 && status !== 422;
