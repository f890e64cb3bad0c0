// How the ledger's cells show at a glance: status as a coloured chip with its words, progress as a bar with its
// number, and a cell the user may not change marked read-only with the reason (title and aria-readonly), so a
// mouse, the eye and a screen reader all learn it before typing. Plain DOM: these render for every visible cell.
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';

/** The read-only words for the row's cell (e.g. 只读 · 其他单位牵头), null when the user may edit it. */
export type LockParams = { lockLabel?: (data: unknown) => string | null; progressLabel?: (value: number) => string };
type Params = ICellRendererParams & LockParams;

/** Marks (or unmarks) the grid cell itself: its title shows on hover, aria-readonly is what assistive tech reads. */
function markLock(params: Params): void {
  const label = params.lockLabel?.(params.data) ?? null;
  const cell = params.eGridCell;
  if (!cell) return;
  if (label) {
    cell.title = label;
    cell.setAttribute('aria-readonly', 'true');
  } else {
    cell.removeAttribute('title');
    cell.removeAttribute('aria-readonly');
  }
}

function unmark(params: Params | undefined): void {
  params?.eGridCell?.removeAttribute('title');
  params?.eGridCell?.removeAttribute('aria-readonly');
}

const shownText = (params: Params) => params.valueFormatted ?? (params.value == null ? '' : String(params.value as string | number));

abstract class MarkedCell implements ICellRendererComp {
  protected gui: HTMLElement = document.createElement('span');
  private params: Params | undefined;

  init(params: Params): void {
    this.params = params;
    this.paint(params);
    markLock(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: Params): boolean {
    this.params = params;
    this.paint(params);
    markLock(params);
    return true;
  }

  destroy(): void {
    unmark(this.params);
  }

  protected abstract paint(params: Params): void;
}

/** A locked cell's value as the grid would show it, plus the lock marks. */
export class LockedCell extends MarkedCell {
  protected paint(params: Params): void {
    this.gui.textContent = shownText(params);
  }
}

/** 整改状态 as a chip: each status its own colour (tokens in grid-look.css) and always its words. */
export class StatusChipCell extends MarkedCell {
  protected paint(params: Params): void {
    const code = typeof params.value === 'string' ? params.value : '';
    this.gui.className = code ? `status-chip status-chip--${code}` : '';
    this.gui.textContent = shownText(params);
  }
}

/** 整改进度 as a bar beside its number; the bar is a progressbar with the value in words. */
export class ProgressBarCell extends MarkedCell {
  protected paint(params: Params): void {
    this.gui.replaceChildren();
    const value = typeof params.value === 'number' ? Math.max(0, Math.min(100, params.value)) : null;
    this.gui.className = 'progress-cell';
    if (value === null) return;
    const track = document.createElement('span');
    track.className = 'progress-cell__track';
    track.setAttribute('role', 'progressbar');
    track.setAttribute('aria-valuemin', '0');
    track.setAttribute('aria-valuemax', '100');
    track.setAttribute('aria-valuenow', String(value));
    track.setAttribute('aria-label', params.progressLabel?.(value) ?? String(value));
    const fill = document.createElement('span');
    fill.className = `progress-cell__fill${value >= 100 ? ' progress-cell__fill--done' : ''}`;
    fill.style.width = `${value}%`;
    track.append(fill);
    const number = document.createElement('span');
    number.className = 'progress-cell__value';
    number.textContent = shownText(params);
    this.gui.append(track, number);
  }
}
