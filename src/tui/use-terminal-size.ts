/** Follows terminal resizes: the new size goes into the store, and the screen is planned again. */
import { useStdout } from 'ink';
import { useEffect } from 'react';
import type { Store } from './store.js';

export function useTerminalSize(store: Store): void {
  const { stdout } = useStdout();
  useEffect(() => {
    const onResize = () => store.dispatch({ type: 'resized', columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, store]);
}
