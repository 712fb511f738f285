/**
 * Maps `items` through `work` with at most `atOnce` calls in flight, results in the items' order. Hand-written
 * because it is one loop, shared by the Peppol worker and the batch router; p-map would add a dependency for it.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  atOnce: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runner = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, atOnce), items.length) }, runner));
  return results;
}
