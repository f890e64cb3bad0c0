// The server's settings, read from the environment once and validated.
import { resolve } from 'node:path';
import { z } from 'zod';
import type { LedgerInfo } from '#shared/sync/protocol.ts';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  /** The built PWA to serve (vite build's output). */
  STATIC_DIR: z.string().default('dist/client'),
  /** Where the embedded SQLite database lives when DATABASE_URL is not set. */
  DATA_DIR: z.string().default('data'),
  /** postgres://… to use PostgreSQL instead of the embedded SQLite file. */
  DATABASE_URL: z.string().optional(),
  /** warn by default: a request log (info) only when asked for. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** The ledger's name: shown to devices, and typed by an administrator to confirm clearing the shared ledger. */
  LEDGER_NAME: z.string().trim().min(1).max(50).default('整改台账'),
  /** 1: a demonstration server, whose devices may generate synthetic measures (生成模拟数据, ?synthetic=). */
  LEDGER_DEMO: z.enum(['0', '1', '']).default(''),
});

export type ServerConfig = {
  port: number;
  host: string;
  staticDir: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  ledger: LedgerInfo;
};


export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    staticDir: resolve(e.STATIC_DIR),
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    ledger: { name: e.LEDGER_NAME, demo: e.LEDGER_DEMO === '1' },
  };
}
