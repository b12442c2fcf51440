/** Runs `run(0)` … `run(total - 1)` with at most `concurrency` of them at a time. */
export async function inParallel(total: number, concurrency: number, run: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) await run(next++);
  }));
}
