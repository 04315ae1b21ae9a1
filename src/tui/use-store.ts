/** Subscribes a component to the lab's store. */
import { useSyncExternalStore } from 'react';
import type { LabState } from './state.js';
import type { Store } from './store.js';

export function useStore(store: Store): LabState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
