/**
 * Runs `task` over `items` with at most `concurrency` in flight, and returns the results in item order.
 * A fixed pool of runners pulling the next index: the benchmark's own limiter, so the reference scan does
 * not depend on the limiters of the code it is compared with.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, runner));
  return results;
}
