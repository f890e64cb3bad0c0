// What every grid view starts with: its grid API once ready, its quick search, codecs and row naming.
import type { GridApi } from 'ag-grid-community';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AnyRecord, EntityName } from '#shared/model/entities.ts';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { useToast } from '#client/ui/toast.tsx';
import { createCodecContext } from '#client/storage/codec-context.ts';
import { createRowLabel } from './row-label.ts';
import type { Feedback } from './save-feedback.ts';

export function useGridView<T extends AnyRecord>(entity: EntityName) {
  const storage = useStorage();
  const { cache } = storage;
  const t = useT();
  const toast = useToast();
  const [api, setApi] = useState<GridApi<T> | null>(null);
  const apiRef = useRef<GridApi<T> | null>(null);
  const [search, setSearch] = useState('');
  const codec = useMemo(() => createCodecContext(cache, t), [cache, t]);
  const rowLabel = useMemo(() => createRowLabel(() => apiRef.current as GridApi | null, entity, cache, t), [cache, t, entity]);
  const onReady = useCallback((ready: GridApi<T>) => {
    apiRef.current = ready;
    setApi(ready);
  }, []);
  const feedback: Feedback = useMemo(() => ({ t, toast, rowLabel }), [t, toast, rowLabel]);
  const user = useSettings().account;
  return { storage, cache, t, toast, api, apiRef, search, setSearch, codec, rowLabel, onReady, feedback, user };
}
