// Lets views register "finish what is being typed and save it", so that a reload (an update, another tab's
// upgrade) first saves edits in progress instead of dropping them.
type Flush = () => Promise<void> | void;

const flushes = new Set<Flush>();

export function registerFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Runs every registered flush, giving up after `timeoutMs` so that a stuck save cannot block a reload. */
export async function flushEdits(timeoutMs = 2_000): Promise<void> {
  const all = Promise.allSettled([...flushes].map((flush) => Promise.resolve(flush())));
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
