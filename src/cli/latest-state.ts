/**
 * Runs `read` when asked, one read at a time: asks that arrive while a read runs are answered by one more
 * read after it, so a burst of events costs two reads, and the last read always sees the last event.
 */
export function readLatest(read: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        await read();
      } while (again);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}
