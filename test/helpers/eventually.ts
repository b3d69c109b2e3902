/** Polls until a condition holds, failing after a generous bound so a broken case cannot hang. */

/** Resolves once `probe` returns true; rejects after `boundMs`. */
export async function eventually(
  probe: () => boolean | Promise<boolean>,
  boundMs = 15_000,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${boundMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
