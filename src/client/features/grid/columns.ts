// Column definitions made from the shared field kinds: one place decides how each kind shows, edits and filters.
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { canEditField, checkChange, type SessionUser } from '#shared/auth/permissions.ts';
import { fieldLabel } from '#shared/i18n/describe-error.ts';
import type { Translate } from '#shared/i18n/translate.ts';
import type { EntityName } from '#shared/model/entities.ts';
import { type CodecContext, type FieldKind, type ParseResult, formatFieldValue, parseFieldText } from '#shared/model/field-codec.ts';
import { localIsoDate } from '#shared/model/dates.ts';
import { nextStatuses, type Status, statuses } from '#shared/model/status.ts';
import { checkSteps } from '#shared/model/supervision-steps.ts';
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
        ? (p: { value: Status; data: Record<string, unknown> }) => ({
            // Only the statuses the lifecycle allows next, that this user may set, and that need no step of their
            // own: 已销号 comes only through 核实销号 (申请销号 → 通过), never a pick from this list.
            values: [p.value, ...nextStatuses(p.value)].filter(
              (s) => s === p.value || (env.user !== null && checkChange(env.user, entity, p.data, { ...p.data, status: s }, ['status']).ok && (entity !== 'measure' || checkSteps(p.data, { ...p.data, status: s }) === null)),
            ),
          })
        : () => ({ values: spec.options ? [...spec.options()] : [] });
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

function compareIsoDate(filterDate: Date, cellValue: string | null): number {
  if (!cellValue) return -1;
  const filter = localIsoDate(filterDate);
  return cellValue < filter ? -1 : cellValue > filter ? 1 : 0;
}
