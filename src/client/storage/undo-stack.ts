// The session's undo and redo: each save made from this tab is one step (a typed edit, a paste, a bulk set,
// an import…); undoing saves its inverse through the same mutation path, so store, grids and sync all follow.
import type { Change } from '#shared/model/change.ts';
import { createObservable, type Observable } from '#client/lib/observable.ts';
import type { SaveResult } from './save-changes.ts';

export type UndoState = { undo: number; redo: number };

export type UndoStack = {
  state: Observable<UndoState>;
  /** A saved step: `inverse` puts back what it changed. A new step ends what could be redone. */
  record: (inverse: readonly Change[]) => void;
  /** Undoes the last step; null when there is none. A refused undo stays on the stack. */
  undo: () => Promise<SaveResult | null>;
  redo: () => Promise<SaveResult | null>;
  clear: () => void;
};

const LIMIT = 100;

export function createUndoStack(save: (changes: readonly Change[]) => Promise<SaveResult>): UndoStack {
  const done: (readonly Change[])[] = [];
  const undone: (readonly Change[])[] = [];
  const state = createObservable<UndoState>({ undo: 0, redo: 0 });
  const publish = () => state.set({ undo: done.length, redo: undone.length });
  let busy: Promise<unknown> = Promise.resolve();

  // Steps run one after another: a second Ctrl+Z pressed while the first is saving undoes the step before it.
  const step = (from: (readonly Change[])[], to: (readonly Change[])[]): Promise<SaveResult | null> => {
    const run = busy.then(async () => {
      const changes = from.pop();
      if (!changes) return null;
      let result: SaveResult;
      try {
        result = await save(changes);
      } catch (error) {
        from.push(changes);
        throw error;
      }
      if (result.ok) to.push(result.inverse);
      else from.push(changes);
      publish();
      return result;
    });
    busy = run.catch(() => undefined);
    return run;
  };

  return {
    state,
    record(inverse) {
      if (inverse.length === 0) return;
      done.push(inverse);
      if (done.length > LIMIT) done.shift();
      undone.length = 0;
      publish();
    },
    undo: () => step(done, undone),
    redo: () => step(undone, done),
    clear() {
      done.length = 0;
      undone.length = 0;
      publish();
    },
  };
}
