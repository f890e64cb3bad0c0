// React access to the ledger storage: records, settings and the translator, re-rendering on change.
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { createTranslator, type Translate } from '#shared/i18n/translate.ts';
import type { EntityName, EntityRecordMap } from '#shared/model/entities.ts';
import type { LedgerStorage } from '#client/storage/ledger-storage.ts';
import { lightSettingsOf, type Settings } from '#client/storage/settings.ts';
import type { LightSettings } from '#shared/model/warning.ts';

export const LedgerContext = createContext<LedgerStorage | null>(null);

export function useStorage(): LedgerStorage {
  const storage = useContext(LedgerContext);
  if (!storage) throw new Error('useStorage outside LedgerContext');
  return storage;
}

/** All records of an entity, re-rendering when any of them changes. For small tables and summaries. */
export function useRecords<E extends EntityName>(entity: E): readonly EntityRecordMap[E][] {
  const { cache } = useStorage();
  const subscribe = useCallback(
    (notify: () => void) => cache.subscribe((event) => event.entity === entity && notify()),
    [cache, entity],
  );
  return useSyncExternalStore(subscribe, () => cache.all(entity));
}

export function useSettings(): Settings {
  const { settings } = useStorage();
  return useSyncExternalStore(settings.subscribe, settings.get);
}

/** The warning light's settings (N, K, colour scheme), one object while they stay the same. */
export function useLightSettings(): LightSettings {
  const { warningDays, staleWeeks, lightScheme } = useSettings();
  return useMemo(() => lightSettingsOf({ warningDays, staleWeeks, lightScheme }), [warningDays, staleWeeks, lightScheme]);
}

export function useT(): Translate {
  const { locale } = useSettings();
  return useMemo(() => createTranslator(locale), [locale]);
}
