// Columns at least as wide as their header's words (plus the header's padding, sort and filter icons), so no
// header shows "问…" or "序": measured with the grid's own font, in either language.
import type { ColDef } from 'ag-grid-community';

// The header cell's padding either side, the filter button and the gap before it (Quartz, spacing 6).
const HEADER_CHROME = 64;
const FONT = '600 14px "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

let context: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string): number {
  if (context === undefined) context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 15;
  context.font = FONT;
  return context.measureText(text).width;
}

/** The column widened to fit its header when narrower; its own width otherwise (and a saved view's width wins later). */
export function fitHeader<T>(col: ColDef<T>): ColDef<T> {
  const label = col.headerName ?? '';
  if (label === '' || col.width === undefined) return col;
  const needed = Math.ceil(textWidth(label) + HEADER_CHROME);
  return needed > col.width ? { ...col, width: needed, minWidth: Math.min(col.minWidth ?? needed, needed) } : col;
}
