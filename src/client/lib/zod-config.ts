// Imported first by every entry (page and worker): zod would otherwise probe `new Function` to compile fast
// parsers, which the app's Content Security Policy forbids (no eval), and each probe is a reported violation.
import { z } from 'zod';

z.config({ jitless: true });
