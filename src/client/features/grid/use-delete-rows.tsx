// Delete the selected rows after a confirmation, with an undo in the message that follows.
import type { GridApi } from 'ag-grid-community';
import { type ReactNode, useState } from 'react';
import type { Change } from '#shared/model/change.ts';
import type { AnyRecord, EntityName } from '#shared/model/entities.ts';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import { ConfirmDialog } from '#client/ui/dialog.tsx';
import { useToast } from '#client/ui/toast.tsx';
import { type Feedback, saveWithFeedback } from './save-feedback.ts';

type Options = {
  entity: EntityName;
  api: GridApi | null;
  rowLabel: Feedback['rowLabel'];
  /** Changes that must go with the deletion (a problem's measures), and a note for the confirmation. */
  cascade?: (ids: string[]) => { changes: Change[]; note: string | null };
};

export function useDeleteRows({ entity, api, rowLabel, cascade }: Options): { request: () => void; dialog: ReactNode } {
  const storage = useStorage();
  const t = useT();
  const toast = useToast();
  const [ids, setIds] = useState<string[] | null>(null);
  const extra = ids && cascade ? cascade(ids) : null;

  const request = () => {
    const selected = (api?.getSelectedRows() ?? []) as AnyRecord[];
    if (selected.length === 0) toast.show({ kind: 'info', text: t('toast.noSelection') });
    else setIds(selected.map((r) => r.id));
  };

  const confirm = async () => {
    if (!ids) return;
    setIds(null);
    const changes: Change[] = [...(extra?.changes ?? []), ...ids.map((id): Change => ({ op: 'delete', entity, id }))];
    const result = await saveWithFeedback(storage, changes, { t, toast, rowLabel });
    if (!result) return;
    toast.show({
      kind: 'info',
      text: t('toast.deleted', { count: ids.length }),
      action: { label: t('action.undo'), run: () => void saveWithFeedback(storage, result.inverse, { t, toast, rowLabel }) },
    });
  };

  const dialog = (
    <ConfirmDialog
      open={ids !== null}
      title={t('action.delete')}
      message={
        <>
          <p>{t('confirm.deleteRows', { count: ids?.length ?? 0, entity: t(`entity.${entity}`) })}</p>
          {extra?.note && <p>{extra.note}</p>}
        </>
      }
      confirmLabel={t('action.delete')}
      cancelLabel={t('action.cancel')}
      danger
      onConfirm={() => void confirm()}
      onCancel={() => setIds(null)}
    />
  );
  return { request, dialog };
}
