// A text cell editor that keeps Chinese input intact: it takes the text that started the edit (a key or a
// composed IME string) as its first characters, and never lets Enter leave the cell mid-composition.
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community';

export type TextEditorParams = ICellEditorParams & {
  multiline?: boolean;
  /** The cell value as the text the user edits, e.g. a list as one line per item. */
  toText?: (value: unknown) => string;
  placeholder?: string;
  hint?: string;
};

// Keys AG Grid passes when an edit starts without typing: those do not become text.
const NAMED_KEY = /^[A-Z][A-Za-z0-9]+$/;

/** The text an edit opens with: what was typed to start it, nothing after Backspace/Delete, else the value. */
export function initialText(eventKey: string | null, valueText: string): string {
  if (eventKey === null || eventKey === '') return valueText;
  if (eventKey === 'Backspace' || eventKey === 'Delete') return '';
  if (NAMED_KEY.test(eventKey)) return valueText;
  return eventKey;
}

export class TextCellEditor implements ICellEditorComp {
  private gui!: HTMLElement;
  private input!: HTMLInputElement | HTMLTextAreaElement;
  private multiline = false;
  private typedStart = false;

  init(params: TextEditorParams): void {
    this.multiline = params.multiline === true;
    const valueText = params.toText ? params.toText(params.value) : params.value == null ? '' : String(params.value);
    const text = initialText(params.eventKey, valueText);
    this.typedStart = text !== valueText;
    const input = document.createElement(this.multiline ? 'textarea' : 'input');
    input.className = this.multiline ? 'cell-editor cell-editor--multiline' : 'cell-editor';
    input.value = text;
    if (params.placeholder) input.placeholder = params.placeholder;
    input.setAttribute('aria-label', params.colDef.headerName ?? '');
    input.addEventListener('keydown', (e) => this.onKeyDown(e as KeyboardEvent));
    this.input = input;
    if (this.multiline) {
      const box = document.createElement('div');
      box.className = 'cell-editor-popup';
      box.append(input);
      if (params.hint) {
        const hint = document.createElement('div');
        hint.className = 'cell-editor-popup__hint';
        hint.textContent = params.hint;
        box.append(hint);
      }
      this.gui = box;
    } else {
      this.gui = input;
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    // Enter confirms the IME's candidate: it must not also commit the cell and move on.
    if (e.isComposing || e.keyCode === 229) {
      e.stopPropagation();
      return;
    }
    if (this.multiline && e.key === 'Enter' && (e.shiftKey || e.altKey)) {
      e.stopPropagation();
      if (e.altKey) {
        e.preventDefault();
        this.input.setRangeText('\n', this.input.selectionStart ?? 0, this.input.selectionEnd ?? 0, 'end');
      }
    }
    // Arrow keys move the caret inside the text rather than to the next cell.
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key) || (this.multiline && ['ArrowUp', 'ArrowDown'].includes(e.key))) {
      e.stopPropagation();
    }
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  afterGuiAttached(): void {
    this.input.focus({ preventScroll: true });
    const end = this.input.value.length;
    if (this.typedStart) this.input.setSelectionRange(end, end);
    else this.input.select();
  }

  getValue(): string {
    return this.input.value;
  }

  isPopup(): boolean {
    return this.multiline;
  }

  getPopupPosition(): 'over' | 'under' | undefined {
    return 'over';
  }
}
