// A pick-list cell editor that opens at once under the cell, filters as one types (Chinese input included)
// and commits on click or Enter. AG Grid's own select editor opens collapsed and cannot filter 56 units.
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';
import { initialText } from './text-editor.ts';

/** `explain`: why nothing (or nothing but the current value) is offered for what was typed, e.g. 已销号 needs 核实销号. */
export type SelectEditorParams = ICellEditorParams & { values: readonly (string | null)[]; explain?: (typed: string) => string | null };

export class SelectCellEditor implements ICellEditorComp {
  private gui!: HTMLElement;
  private filter!: HTMLInputElement;
  private list!: HTMLElement;
  private note!: HTMLElement;
  private options: { value: string; label: string }[] = [];
  private shown: { value: string; label: string }[] = [];
  private active = 0;
  private chosen: string;
  private params!: SelectEditorParams;

  constructor() {
    this.chosen = '';
  }

  init(params: SelectEditorParams): void {
    this.params = params;
    const current = params.value == null ? '' : String(params.value);
    this.chosen = current;
    this.options = params.values.map((v) => {
      const value = v ?? '';
      const label = value === '' ? '—' : params.formatValue(value) || value;
      return { value, label: String(label) };
    });
    const gui = document.createElement('div');
    gui.className = 'select-editor';
    const filter = document.createElement('input');
    filter.className = 'select-editor__filter';
    filter.setAttribute('aria-label', params.colDef.headerName ?? '');
    filter.setAttribute('role', 'combobox');
    filter.setAttribute('aria-expanded', 'true');
    const typed = initialText(params.eventKey, '');
    filter.value = typed;
    const list = document.createElement('div');
    list.className = 'select-editor__list';
    list.setAttribute('role', 'listbox');
    list.id = `select-${Math.random().toString(36).slice(2)}`;
    filter.setAttribute('aria-controls', list.id);
    // An empty list is never left unexplained: the note says why (read as it appears).
    const note = document.createElement('p');
    note.className = 'select-editor__note';
    note.setAttribute('role', 'status');
    note.hidden = true;
    gui.append(filter, note, list);
    this.note = note;
    this.gui = gui;
    this.filter = filter;
    this.list = list;
    filter.addEventListener('input', () => this.render(filter.value));
    filter.addEventListener('keydown', (e) => this.onKeyDown(e));
    // Keep focus in the filter while clicking the list, so the grid does not stop the edit first.
    list.addEventListener('mousedown', (e) => e.preventDefault());
    this.render(typed);
    if (typed === '') this.active = Math.max(0, this.shown.findIndex((o) => o.value === current));
    this.paint();
  }

  private render(text: string): void {
    const wanted = text.trim().toLowerCase();
    this.shown = wanted === '' ? this.options : this.options.filter((o) => o.label.toLowerCase().includes(wanted) || o.value.toLowerCase() === wanted);
    this.active = 0;
    this.list.replaceChildren(
      ...this.shown.map((option, index) => {
        const item = document.createElement('div');
        item.className = 'select-editor__option';
        item.setAttribute('role', 'option');
        item.id = `${this.list.id}-${index}`;
        item.textContent = option.label;
        item.addEventListener('click', () => this.pick(index));
        return item;
      }),
    );
    const onlyCurrent = this.options.length <= 1;
    const why = this.shown.length === 0 || onlyCurrent ? (this.params.explain?.(text) ?? null) : null;
    this.note.textContent = why ?? '';
    this.note.hidden = why === null;
    this.paint();
  }

  private paint(): void {
    [...this.list.children].forEach((item, index) => {
      item.setAttribute('aria-selected', String(index === this.active));
      item.classList.toggle('select-editor__option--active', index === this.active);
      if (this.shown[index]?.value === this.chosen) item.classList.add('select-editor__option--current');
    });
    this.filter.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
    this.list.children[this.active]?.scrollIntoView({ block: 'nearest' });
  }

  private pick(index: number): void {
    const option = this.shown[index];
    if (!option) return;
    this.chosen = option.value;
    this.params.stopEditing();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.isComposing || e.keyCode === 229) {
      e.stopPropagation();
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.active = Math.min(this.shown.length - 1, Math.max(0, this.active + step));
      this.paint();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      this.pick(this.active);
    } else if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
      e.stopPropagation();
    }
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  afterGuiAttached(): void {
    this.filter.focus({ preventScroll: true });
  }

  getValue(): string {
    return this.chosen;
  }

  isPopup(): boolean {
    return true;
  }

  getPopupPosition(): 'over' | 'under' {
    return 'under';
  }
}
