/**
 * The stores a command has open, closed by bin/ just before it exits (after an error, an
 * interruption). Apart from the rest of the store's set-up so that every command's start, --version
 * included, does not load the config reader and YAML with it.
 */
import type { Store } from '../store/types.js';

export const openStores = new Set<Store>();

/** Closes what is still open: called by bin/ just before it exits. */
export function closeAllStores(): void {
  // the native close runs at once, inside the call: nothing to wait for before exit
  for (const store of [...openStores]) void store.close();
}
