// Record ids: UUIDv7 made on the device (time-sortable, collision-free offline), UUIDv5 for sample records.
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

/** Any RFC 9562 UUID; v7 for records made on a device, v5 for the seed's sample records. */
export const idSchema = z.uuid();

// Random bytes drawn 256 ids at a time: one getRandomValues call per id was a sixth of a 100,000-row import.
const pool = new Uint8Array(16 * 256);
let taken = pool.length;
/** The time and counter of the last id, as uuid keeps them: ids made within one millisecond still sort in order. */
const last = { msecs: -Infinity, seq: 0 };

export function newId(): string {
  if (taken === pool.length) {
    crypto.getRandomValues(pool);
    taken = 0;
  }
  const random = pool.subarray(taken, (taken += 16));
  const now = Date.now();
  if (now > last.msecs) {
    last.msecs = now;
    last.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    last.seq = (last.seq + 1) | 0;
    if (last.seq === 0) last.msecs++;
  }
  return uuidv7({ random, msecs: last.msecs, seq: last.seq });
}

// Fixed namespace so that every device derives the same id for the same sample record,
// and loading the sample on two devices yields one ledger, not two.
const SAMPLE_NAMESPACE = '6d1b3f5e-2a4c-4c8e-9f10-3b7a2e5d9c41';

export function sampleId(key: string): string {
  return uuidv5(key, SAMPLE_NAMESPACE);
}
