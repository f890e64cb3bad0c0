// The conflicts inbox: for each field two changes met on, the standing value and the other one, each with its
// author; a coordinator keeps one, takes the other, or writes a new value. Others see the inbox without buttons.
import { useCallback, useEffect, useState } from 'react';
import { describeReason, fieldLabel } from '#shared/i18n/describe-error.ts';
import { parseFieldText } from '#shared/model/field-codec.ts';
import { kindOf } from '#shared/model/field-kinds.ts';
import type { Conflict } from '#shared/sync/protocol.ts';
import { useDevice } from '#client/context/device-context.tsx';
import { useStorage, useT } from '#client/context/ledger-context.tsx';
import { createCodecContext } from '#client/storage/codec-context.ts';
import { SyncHttpError } from '#client/sync/transport.ts';
import { useToast } from '#client/ui/toast.tsx';
import { formatValue, recordTitle } from '#client/storage/format-value.ts';
import { describeServerError } from '#client/sync/describe-server-error.ts';
import { formatLocalDateTime } from '#shared/model/local-time.ts';

/** `resolver`: the user may resolve conflicts (a coordinator); others only see them. */
export function ConflictList({ resolver }: { resolver: boolean }) {
  const { sync } = useDevice();
  const { cache } = useStorage();
  const t = useT();
  const toast = useToast();
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const load = useCallback(() => {
    sync.conflicts().then(setConflicts, () => setConflicts(null));
  }, [sync]);
  useEffect(load, [load]);

  const resolve = async (conflict: Conflict, action: 'keep' | 'take' | 'edit', text?: string) => {
    let value: unknown;
    if (action === 'edit') {
      const parsed = parseFieldText(kindOf(conflict.entity, conflict.field), text ?? '', createCodecContext(cache, t));
      if (!parsed.ok) {
        toast.show({ kind: 'error', text: `${fieldLabel(t, conflict.entity, conflict.field)}：${t(`error.${parsed.code}`, parsed.params)}` });
        return;
      }
      value = parsed.value;
    }
    try {
      await sync.resolve(conflict.id, { action, value });
      toast.show({ kind: 'info', text: t('sync.resolved') });
      setEditing(null);
      load();
    } catch (error) {
      // A value that no longer fits the record is refused with the reason, in the catalogue's words.
      const reason = error instanceof SyncHttpError ? error.reason : undefined;
      const text = reason ? t('sync.resolveRefused', { field: fieldLabel(t, conflict.entity, reason.field ?? conflict.field), reason: describeReason(t, reason) }) : describeServerError(t, error);
      toast.show({ kind: 'error', text });
    }
  };

  return (
    <section className="menu-section" data-testid="conflict-list">
      <h3>{t('sync.conflictsTitle', { count: conflicts?.length ?? 0 })}</h3>
      <p className="note">{t('sync.conflictHelp')}</p>
      {!resolver && (conflicts?.length ?? 0) > 0 && <p className="note">{t('sync.conflictsForCoordinator')}</p>}
      {conflicts === null && <p>{t('sync.conflictsOffline')}</p>}
      {conflicts?.length === 0 && <p>{t('sync.conflictsNone')}</p>}
      <ul className="change-list">
        {conflicts?.map((c) => (
          <li key={c.id} className="change-list__item change-list__item--column">
            <div>
              <strong>
                {t(`entity.${c.entity}`)}“{recordTitle(cache, c.entity, c.recordId)}”· {fieldLabel(t, c.entity, c.field)}
              </strong>
            </div>
            <div>
              {t('sync.serverValue', { actor: c.serverActor })}：<span data-testid="conflict-server">{formatValue(cache, t, c.entity, c.field, c.serverValue)}</span>
            </div>
            <div>
              {t('sync.clientValue', { actor: c.clientActor, time: formatLocalDateTime(c.clientAt) })}：
              <span data-testid="conflict-client">{formatValue(cache, t, c.entity, c.field, c.clientValue)}</span>
            </div>
            {!resolver ? null : editing?.id === c.id ? (
              <div className="menu-row">
                <input className="input" aria-label={t('sync.editPrompt')} value={editing.text} onChange={(e) => setEditing({ id: c.id, text: e.target.value })} />
                <button type="button" className="button button--primary" onClick={() => void resolve(c, 'edit', editing.text)}>
                  {t('action.confirm')}
                </button>
              </div>
            ) : (
              <div className="menu-row">
                <button type="button" className="button" onClick={() => void resolve(c, 'keep')}>
                  {t('sync.keep')}
                </button>
                <button type="button" className="button" onClick={() => void resolve(c, 'take')}>
                  {t('sync.take')}
                </button>
                <button type="button" className="button" onClick={() => setEditing({ id: c.id, text: formatValue(cache, t, c.entity, c.field, c.serverValue) })}>
                  {t('sync.edit')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
