/**
 * Caps how many tasks are in flight at once: file-system calls of a library walk (so it neither floods
 * libuv's thread pool nor runs out of file descriptors), ffprobes of one title (a show with 200 episodes
 * must not start 200), provider and panel calls of a batch.
 *
 * `order` says which waiting task starts when a slot frees. 'oldest-first' is the fair queue. The library
 * walk takes 'newest-first': listing a root queues a readdir per folder, and newest-first lets the stats of
 * a folder just listed run before the next folder is opened, so only a few listings are held in memory at a
 * time instead of every folder's, which in a 10,000-folder library is most of the garbage collector's work.
 * A walk's recursion never holds a slot (only leaf calls do), so it cannot deadlock.
 */
export type ConcurrencyLimit = <T>(task: () => Promise<T>) => Promise<T>;

export type WaitingOrder = 'oldest-first' | 'newest-first';

export function createConcurrencyLimit(maxInFlight: number, order: WaitingOrder): ConcurrencyLimit {
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${maxInFlight}`);
  }
  let inFlight = 0;
  const waiting: (() => void)[] = [];

  const release = (): void => {
    const next = order === 'newest-first' ? waiting.pop() : waiting.shift();
    // A released slot passes straight to the next waiter, so inFlight stays at the cap meanwhile.
    if (next) next();
    else inFlight -= 1;
  };

  const run = <T>(task: () => Promise<T>): Promise<T> => {
    let running: Promise<T>;
    try {
      running = task();
    } catch (error) {
      running = Promise.reject(error);
    }
    // Plain then-callbacks rather than async/await: this runs once per stat of every file in the library.
    return running.then(
      (result) => {
        release();
        return result;
      },
      (error: unknown) => {
        release();
        throw error;
      },
    );
  };

  return <T>(task: () => Promise<T>): Promise<T> => {
    if (inFlight < maxInFlight) {
      inFlight += 1;
      return run(task);
    }
    return new Promise<void>((resolve) => waiting.push(resolve)).then(() => run(task));
  };
}
