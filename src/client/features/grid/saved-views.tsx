// 视图 Views: a grid's column order, widths, visibility, sort and filters saved under a name and restored, beside
// built-in views (全部, 逾期, 本周到期, 我的部门); the view a grid shows is remembered on this device.
import type { ColumnState, FilterModel, GridApi } from 'ag-grid-community';
import { useEffect, useState } from 'react';
import { useSettings, useStorage, useT } from '#client/context/ledger-context.tsx';
import type { SavedView } from '#client/storage/settings.ts';
import { Dialog } from '#client/ui/dialog.tsx';

export type BuiltInView = { id: string; label: string; filters: FilterModel; mine?: boolean };
/** The view's own filter no column states: "my departments" (the grid asks it through an external filter). */
export type MineFilter = { get: () => boolean; set: (on: boolean) => void };
/** A dashboard figure's rows the view keeps (shared/report/link.ts), as plain data. */
export type ReportFilter = { get: () => unknown; set: (link: unknown) => void };

const SAVED = 'saved:';

export function applyView(api: GridApi, view: { columns?: unknown[]; filters: FilterModel; mine?: boolean; report?: unknown }, mine?: MineFilter, report?: ReportFilter): void {
  if (view.columns) api.applyColumnState({ state: view.columns as ColumnState[], applyOrder: true });
  else api.resetColumnState();
  mine?.set(view.mine === true);
  report?.set(view.report ?? null);
  api.setFilterModel(view.filters);
  api.onFilterChanged();
}

type Props = { api: GridApi | null; gridKey: string; builtIns: BuiltInView[]; mine?: MineFilter; report?: ReportFilter };

export function ViewPicker({ api, gridKey, builtIns, mine, report }: Props) {
  const t = useT();
  const storage = useStorage();
  const settings = useSettings();
  const saved = settings.views[gridKey] ?? [];
  const active = settings.activeViews[gridKey] ?? builtIns[0]?.id ?? '';
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const show = (id: string) => {
    if (!api) return;
    const builtIn = builtIns.find((v) => v.id === id);
    const own = id.startsWith(SAVED) ? saved.find((v) => v.name === id.slice(SAVED.length)) : undefined;
    if (builtIn) applyView(api, builtIn, mine, report);
    else if (own) applyView(api, own, mine, report);
    else return;
    void storage.settings.save({ activeViews: { ...storage.settings.get().activeViews, [gridKey]: id } });
  };

  // The grid opens in the view it showed last (unless it opens on a dashboard figure's rows).
  useEffect(() => {
    if (api && active !== (builtIns[0]?.id ?? '') && !report?.get()) show(active);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the grid is ready
  }, [api]);

  const save = async () => {
    const trimmed = name.trim();
    if (!api || trimmed === '') return;
    const view: SavedView = { name: trimmed, columns: api.getColumnState(), filters: api.getFilterModel(), mine: mine?.get() ?? false, ...(report?.get() ? { report: report.get() } : {}) };
    const views = storage.settings.get().views;
    await storage.settings.save({
      views: { ...views, [gridKey]: [...saved.filter((v) => v.name !== trimmed), view] },
      activeViews: { ...storage.settings.get().activeViews, [gridKey]: SAVED + trimmed },
    });
    setNaming(false);
    setName('');
  };

  const remove = async () => {
    const views = storage.settings.get().views;
    await storage.settings.save({
      views: { ...views, [gridKey]: saved.filter((v) => SAVED + v.name !== active) },
      activeViews: { ...storage.settings.get().activeViews, [gridKey]: builtIns[0]?.id ?? '' },
    });
    if (api && builtIns[0]) applyView(api, builtIns[0], mine, report);
  };

  return (
    <span className="view-picker">
      <select aria-label={t('views.label')} value={active} onChange={(e) => show(e.target.value)}>
        {builtIns.map((v) => (
          <option key={v.id} value={v.id}>
            {v.label}
          </option>
        ))}
        {saved.map((v) => (
          <option key={v.name} value={SAVED + v.name}>
            {v.name}
          </option>
        ))}
      </select>
      <button type="button" className="button" onClick={() => setNaming(true)}>
        {t('views.save')}
      </button>
      {active.startsWith(SAVED) && (
        <button type="button" className="button" onClick={() => void remove()}>
          {t('views.delete')}
        </button>
      )}
      <Dialog
        open={naming}
        title={t('views.saveTitle')}
        onClose={() => setNaming(false)}
        actions={
          <>
            <button type="button" className="button" onClick={() => setNaming(false)}>
              {t('action.cancel')}
            </button>
            <button type="button" className="button button--primary" disabled={name.trim() === ''} onClick={() => void save()}>
              {t('views.saveConfirm')}
            </button>
          </>
        }
      >
        <p className="note">{t('views.saveNote')}</p>
        <label className="field">
          <span>{t('views.name')}</span>
          <input type="text" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void save()} />
        </label>
      </Dialog>
    </span>
  );
}
