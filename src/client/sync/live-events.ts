// Live updates on the device: an EventSource on /api/sync/events (same origin, the session cookie) that hears the
// server's last sequence number. Dropped, it is closed and opened again with backoff — never while the browser
// says it is offline — and the minute poll goes on meanwhile, so a lost stream only makes updates slower.
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;

export type LiveEventsOptions = {
  onSeq: (seq: number) => void;
  url?: string;
  /** The browser's EventSource (absent in Node and old browsers: then only polling). */
  source?: typeof EventSource;
};

/** Starts listening; returns the function that stops it. */
export function startLiveEvents(options: LiveEventsOptions): () => void {
  const Source = options.source ?? (typeof EventSource === 'undefined' ? undefined : EventSource);
  if (!Source) return () => undefined;
  let stream: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_RETRY_MS;
  let stopped = false;

  const open = () => {
    clearTimeout(timer);
    if (stopped || stream || (typeof navigator !== 'undefined' && !navigator.onLine)) return;
    const current = new Source(options.url ?? '/api/sync/events');
    stream = current;
    current.addEventListener('open', () => {
      delay = FIRST_RETRY_MS;
    });
    current.addEventListener('seq', (event) => {
      try {
        const seq = (JSON.parse((event as MessageEvent<string>).data) as { seq?: unknown }).seq;
        if (typeof seq === 'number') options.onSeq(seq);
      } catch {
        // not ours: ignored
      }
    });
    current.addEventListener('error', () => {
      // The browser would reconnect every few seconds by itself, signed out or offline too: we back off instead.
      current.close();
      if (stream === current) stream = null;
      if (stopped) return;
      timer = setTimeout(open, delay);
      delay = Math.min(MAX_RETRY_MS, delay * 2);
    });
  };
  const onOnline = () => {
    delay = FIRST_RETRY_MS;
    open();
  };
  const onOffline = () => {
    clearTimeout(timer);
    stream?.close();
    stream = null;
  };
  addEventListener('online', onOnline);
  addEventListener('offline', onOffline);
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    stream?.close();
    stream = null;
    removeEventListener('online', onOnline);
    removeEventListener('offline', onOffline);
  };
}
