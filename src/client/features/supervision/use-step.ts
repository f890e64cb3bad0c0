// Saves 核实销号 and 督办 steps from the coordinator's view: each one change per measure, all in one save
// (a batch is written whole or not at all), never on the undo stack; a refusal in words naming the row.
import { useCallback } from 'react';
import { describeFieldError } from '#shared/i18n/describe-error.ts';
import type { Change } from '#shared/model/change.ts';
import type { Measure } from '#shared/model/measure.ts';
import type { StepResult } from '#shared/model/supervision-steps.ts';
import type { MessageKey } from '#shared/i18n/translate.ts';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import { describeStorageError } from '#client/storage/storage-error.ts';
import { useToast } from '#client/ui/toast.tsx';

export type StepMaker = (m: Measure, who: { actor: string; now: string }) => StepResult;

export function useStep(): (measures: readonly Measure[], make: StepMaker, done: MessageKey) => Promise<boolean> {
  const storage = useStorage();
  const settings = useSettings();
  const t = useT();
  const toast = useToast();
  return useCallback(
    async (measures, make, done) => {
      const who = { actor: settings.userName || settings.account?.displayName || '', now: new Date().toISOString() };
      const changes: Change[] = [];
      for (const m of measures) {
        const step = make(m, who);
        if (!step.ok) {
          toast.show({ kind: 'error', text: step.errors.map((e) => describeFieldError(t, 'measure', e, m.title)).join('；') });
          return false;
        }
        changes.push({ op: 'update', entity: 'measure', id: m.id, fields: step.fields });
      }
      try {
        const result = await storage.save(changes, { undoable: false });
        if (!result.ok) {
          const title = (id: string) => measures.find((m) => m.id === id)?.title ?? id;
          toast.show({ kind: 'error', text: result.errors.flatMap((r) => r.errors.map((e) => describeFieldError(t, 'measure', e, title(r.id)))).join('；') });
          return false;
        }
        toast.show({ kind: 'info', text: t(done, { count: changes.length }) });
        return true;
      } catch (error) {
        toast.show({ kind: 'error', text: describeStorageError(t, error) });
        return false;
      }
    },
    [storage, settings, t, toast],
  );
}
