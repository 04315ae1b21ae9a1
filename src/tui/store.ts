/**
 * A tiny store: the state lives outside React, so it survives the Ink app being unmounted while the
 * learner is in a container shell, and the controller can read it without a component.
 */
import type { LabAction } from './reducer.js';
import { reduce } from './reducer.js';
import type { LabState } from './state.js';

export interface Store {
  getState(): LabState;
  dispatch(action: LabAction): void;
  subscribe(listener: () => void): () => void;
}

export function createStore(initial: LabState): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
