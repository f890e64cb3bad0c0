// Column definitions made from the shared field kinds: one place decides how each kind shows, edits and filters.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { canEditField, type SessionUser } from '#shared/auth/permissions.ts';
import { fieldLabel } from '#shared/i18n/describe-error.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import type { EntityName } from '#shared/model/entities.ts';
import { type CodecContext, type FieldKind, type ParseResult, formatFieldValue, parseFieldText } from '#shared/model/field-codec.ts';
import { localIsoDate } from '#shared/model/dates.ts';
import { nextStatuses, type Status, statuses } from '#shared/model/status.ts';
import { type LockParams, LockedCell, ProgressBarCell, StatusChipCell } from './cell-renderers.ts';
import { readOnlyLabel, readOnlyReason, refusedStatus } from './read-only-reason.ts';
import { SelectCellEditor } from './select-editor.ts';
import { TextCellEditor, type TextEditorParams } from './text-editor.ts';

/** What the edit handler needs to know about a column: which field of which entity, of which kind. */
export type ColumnContext = { entity: EntityName; field: string; kind: FieldKind; options?: () => readonly (string | null)[] };

/** `user`: who is signed in; cells they may not change are read-only. */
export type ColumnEnv = { t: Translate; codec: CodecContext; user: SessionUser | null };

export type FieldColumn = {
  entity: EntityName;
  field: string;
  kind: FieldKind;
  width?: number;
  editable?: boolean;
  /** Values offered by a select editor (codes or ids). */
  options?: () => readonly (string | null)[];
} & Pick<ColDef, 'pinned' | 'hide' | 'flex' | 'minWidth' | 'sort' | 'cellClass' | 'tooltipField'>;

const SELECT_KINDS: FieldKind[] = ['status', 'measureType', 'level', 'departmentKind', 'department', 'area', 'problem', 'role', 'yesNo'];
const POPUP_KINDS: FieldKind[] = ['multiline', 'lines', 'departments'];
const ID_KINDS: FieldKind[] = ['department', 'area', 'problem'];

/** Reads what an editor returned: ids and codes from select editors as they are, typed text through the codec. */
export function parseCellInput(kind: FieldKind, input: unknown, codec: CodecContext): ParseResult {
  if (input === null || input === undefined) return ID_KINDS.includes(kind) || kind === 'date' || kind === 'role' ? { ok: true, value: null } : parseFieldText(kind, '', codec);
  if (typeof input === 'number') return parseFieldText(kind, String(input), codec);
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  if (ID_KINDS.includes(kind)) {
    if (text === '') return { ok: true, value: null };
    const known = kind === 'department' ? codec.departmentName(text) : kind === 'area' ? codec.areaName(text) : codec.problemName(text);
    if (known !== undefined) return { ok: true, value: text };
  }
  return parseFieldText(kind, text, codec);
}

export function fieldColumn<T = unknown>(spec: FieldColumn, env: ColumnEnv): ColDef<T> {
  const { entity, field, kind } = spec;
  const format = (value: unknown) => formatFieldValue(kind, value, env.codec);
  const context: ColumnContext = { entity, field, kind, options: kind === 'status' ? () => statuses : spec.options };
  const col: ColDef<T> = {
    colId: field,
    field: field as ColDef<T>['field'],
    headerName: fieldLabel(env.t, entity, field),
    headerTooltip: fieldLabel(env.t, entity, field),
    width: spec.width ?? 140,
    editable: spec.editable === false ? false : (p) => canEditField(env.user, entity, p.data as Record<string, unknown> | undefined, field),
    // Values are parsed by the shared codecs, not by AG Grid's inferred data types.
    cellDataType: false,
    context,
    valueFormatter: (p: ValueFormatterParams) => format(p.value),
    // The quick filter reads this too (AG Grid's filter value service), so it must stay the shown text.
    filterValueGetter: (p) => format((p.data as Record<string, unknown> | undefined)?.[field]),
    filter: kind === 'int' || kind === 'percent' ? 'agNumberColumnFilter' : kind === 'date' ? 'agDateColumnFilter' : 'agTextColumnFilter',
    pinned: spec.pinned,
    hide: spec.hide,
    flex: spec.flex,
    minWidth: spec.minWidth,
    sort: spec.sort,
    cellClass: spec.cellClass as ColDef<T>['cellClass'],
  };
  // A cell this user may not change looks locked and says why (read-only-reason.ts); chips and bars show always.
  const lockLabel = (data: unknown) => {
    if (spec.editable === false || data === undefined) return null;
    const reason = readOnlyReason(env.user, entity, data as Record<string, unknown>, field);
    return reason ? readOnlyLabel(env.t, reason) : null;
  };
  const rendererParams: LockParams = { lockLabel, progressLabel: (value) => env.t('progress.label', { value }) };
  col.cellRendererParams = rendererParams;
  col.cellRendererSelector = (p) =>
    kind === 'status' ? { component: StatusChipCell } : kind === 'percent' ? { component: ProgressBarCell } : lockLabel(p.data) ? { component: LockedCell } : undefined;
  if (spec.editable !== false) col.cellClassRules = { 'cell--locked': (p) => lockLabel(p.data) !== null };
  if (kind === 'date') {
    col.filterValueGetter = (p) => (p.data as Record<string, unknown> | undefined)?.[field] ?? null;
    col.filterParams = { comparator: compareIsoDate, inRangeInclusive: true };
  }
  if (kind === 'status') col.comparator = (a: Status, b: Status) => statuses.indexOf(a) - statuses.indexOf(b);
  else if (SELECT_KINDS.includes(kind) || kind === 'departments') col.comparator = (a: unknown, b: unknown) => format(a).localeCompare(format(b), 'zh-CN');
  if (POPUP_KINDS.includes(kind) || kind === 'text') col.tooltipValueGetter = (p) => format(p.value) || null;

  if (SELECT_KINDS.includes(kind)) {
    col.cellEditor = SelectCellEditor;
    col.cellEditorPopup = true;
    col.cellEditorParams =
      kind === 'status'
        ? (p: { value: Status; data: Record<string, unknown> }) => statusEditorParams(env, entity, p.data, p.value)
        : () => ({ values: spec.options ? [...spec.options()] : [], explain: (typed: string) => (typed.trim() ? env.t('editor.noMatch', { text: typed.trim() }) : null) });
  } else {
    const params: Partial<TextEditorParams> = {
      multiline: POPUP_KINDS.includes(kind),
      toText: format,
      hint: kind === 'lines' ? env.t('editor.listHint') : kind === 'departments' ? env.t('editor.departmentsHint') : env.t('editor.multilineHint'),
      placeholder: kind === 'date' ? 'YYYY-MM-DD' : undefined,
    };
    col.cellEditor = TextCellEditor;
    col.cellEditorParams = params;
    col.cellEditorPopup = POPUP_KINDS.includes(kind);
  }
  return col;
}

/**
 * Only the statuses the lifecycle allows next, that this user may set, and that need no step of their own (已销号
 * comes only through 核实销号, never a pick from this list); a status typed or wanted but not offered is explained.
 */
function statusEditorParams(env: ColumnEnv, entity: EntityName, record: Record<string, unknown>, from: Status) {
  const label = (s: Status) => env.t(`status.${s}`);
  const refused = statuses.flatMap((s) => {
    const why = s === from ? null : refusedStatus(env.user, entity, record, s);
    return why ? [{ status: s, why }] : [];
  });
  const values = [from, ...nextStatuses(from).filter((s) => !refused.some((r) => r.status === s))];
  const explain = (typed: string) => {
    const wanted = typed.trim().toLowerCase();
    const matching = refused.filter((r) => wanted === '' || label(r.status).toLowerCase().includes(wanted) || r.status === wanted);
    // With nothing typed, only what the lifecycle would allow next is worth a word.
    const shown = wanted === '' ? matching.filter((r) => r.why !== 'lifecycle') : matching;
    if (shown.length > 0) return shown.map((r) => env.t('editor.statusRefused', { status: label(r.status), reason: env.t(`editor.statusReason.${r.why}`, { from: label(from), status: label(r.status) }) })).join('\n');
    return wanted ? env.t('editor.noMatch', { text: typed.trim() }) : null;
  };
  return { values, explain };
}

function compareIsoDate(filterDate: Date, cellValue: string | null): number {
  if (!cellValue) return -1;
  const filter = localIsoDate(filterDate);
  return cellValue < filter ? -1 : cellValue > filter ? 1 : 0;
}
