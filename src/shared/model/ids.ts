// Record ids: UUIDv7 made on the device (time-sortable, collision-free offline), UUIDv5 for sample records.
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { z } from 'zod';

/** Any RFC 9562 UUID; v7 for records made on a device, v5 for the seed's sample records. */
export const idSchema = z.uuid();

export function newId(): string {
  return uuidv7();
}

// Fixed namespace so that every device derives the same id for the same sample record,
// and loading the sample on two devices yields one ledger, not two.
const SAMPLE_NAMESPACE = '6d1b3f5e-2a4c-4c8e-9f10-3b7a2e5d9c41';

export function sampleId(key: string): string {
  return uuidv5(key, SAMPLE_NAMESPACE);
}
