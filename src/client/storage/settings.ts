// Settings of this device (name, language, warning days), kept in IndexedDB, readable synchronously.
import type { SessionUser } from '#shared/auth/permissions.ts';
import type { LedgerInfo } from '#shared/sync/protocol.ts';
import { DEFAULT_LOCALE, type Locale } from '#shared/i18n/translate.ts';
import { defaultLightSettings, type LightScheme, type LightSettings } from '#shared/model/warning.ts';
import type { LedgerDb } from './db.ts';

export type Settings = {
  userName: string;
  locale: Locale;
  /** N: days before a deadline that the light turns yellow. */
  warningDays: number;
  /** K: dispatch weeks without a progress note that make an item 滞后 (yellow). */
  staleWeeks: number;
  lightScheme: LightScheme;
  /** Set once the first start has put the sample ledger in place, so that clearing it is respected. */
  firstStartDone: boolean;
  /** This device's id for sync, made on first start. */
  clientId: string;
  /** Who signed in on this device last; kept so that the device works offline after the first sign-in. */
  account: SessionUser | null;
  /** Named grid views (columns, sort, filters) per grid, and the view each grid shows. */
  views: Record<string, SavedView[]>;
  activeViews: Record<string, string>;
  /** The server's ledger as last heard (name; whether it is a demonstration, which alone offers 生成模拟数据). */
  ledger: LedgerInfo | null;
  /** This device's copy was forgotten (清空本设备数据): the next start pulls the whole ledger before showing it. */
  reloadLedger: boolean;
};

/** A grid's layout as AG Grid states it (column state, filter model), kept as plain data. */
export type SavedView = { name: string; columns: unknown[]; filters: Record<string, unknown>; mine: boolean; /** A dashboard figure's rows (shared/report/link.ts), if the view keeps one. */ report?: unknown };

export const defaultSettings: Settings = { userName: '', locale: DEFAULT_LOCALE, warningDays: defaultLightSettings.yellowDays, staleWeeks: defaultLightSettings.staleWeeks, lightScheme: defaultLightSettings.scheme, firstStartDone: false, clientId: '', account: null, views: {}, activeViews: {}, ledger: null, reloadLedger: false };

export type SettingsStore = {
  get: () => Settings;
  save: (patch: Partial<Settings>) => Promise<void>;
  subscribe: (listener: () => void) => () => void;
};

export async function loadSettings(db: LedgerDb): Promise<SettingsStore> {
  const rows = await db.settings.toArray();
  let current: Settings = { ...defaultSettings, ...Object.fromEntries(rows.map((r) => [r.key, r.value])) };
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    async save(patch) {
      await db.settings.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
      current = { ...current, ...patch };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The light rule's settings as this device holds them. */
export function lightSettingsOf(settings: Pick<Settings, 'warningDays' | 'staleWeeks' | 'lightScheme'>): LightSettings {
  return { yellowDays: settings.warningDays, staleWeeks: settings.staleWeeks, scheme: settings.lightScheme };
}
