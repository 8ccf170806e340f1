/**
 * Caps how many slow tasks (ffprobe processes, artwork reads) of one title run at once: a show with 200
 * episodes must not start 200 ffprobes. Waiting tasks start in the order they were queued.
 */
export type TaskLimit = <T>(task: () => Promise<T>) => Promise<T>;

export function createTaskLimit(maxInFlight: number): TaskLimit {
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${maxInFlight}`);
  }
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  const release = (): void => {
    const next = waiting.shift();
    // A released slot passes straight to the next waiter, so inFlight stays at the cap meanwhile.
    if (next) next();
    else inFlight -= 1;
  };

  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (inFlight < maxInFlight) inFlight += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
