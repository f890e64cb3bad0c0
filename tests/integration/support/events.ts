// Reads a live-update stream (GET /api/sync/events) as a device would: each `seq` event's number, as it comes.
export type EventStream = {
  /** The first event whose sequence number reaches `atLeast`, and when it came. */
  until: (atLeast: number, withinMs: number) => Promise<{ seq: number; at: number }>;
  /** Every sequence number told so far. */
  told: number[];
  close: () => void;
};

export async function openEvents(request: (path: string, init?: RequestInit) => Promise<Response>): Promise<EventStream> {
  const controller = new AbortController();
  const response = await request('/api/sync/events', { signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status}`);
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) throw new Error('events: not an event stream');
  const told: number[] = [];
  const arrivals: { seq: number; at: number }[] = [];
  const waiting = new Set<() => void>();
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: seq$/m.test(block) && data) {
            const seq = (JSON.parse(data) as { seq: number }).seq;
            told.push(seq);
            arrivals.push({ seq, at: Date.now() });
            for (const wake of waiting) wake();
          }
        }
      }
    } catch {
      // closed by the test
    }
  })();
  return {
    told,
    close: () => controller.abort(),
    until: (atLeast, withinMs) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = arrivals.find((a) => a.seq >= atLeast);
          if (!hit) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`no event reached seq ${atLeast} within ${withinMs} ms (told: ${told.join(', ')})`));
        }, withinMs);
        waiting.add(check);
        check();
      }),
  };
}
