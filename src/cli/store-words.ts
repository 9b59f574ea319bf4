/**
 * The store's errors in Chinese (src/ui/store-messages.ts) are loaded apart from the program's start:
 * most runs report none, and the first question's start-up stays as small as it was. Loaded when a
 * StoreError is to be said in another language than English (usage-errors.ts readyToReport).
 */
type StoreWords = typeof import('../ui/store-messages.js');

let loaded: StoreWords | undefined;
let loading: Promise<void> | undefined;

export function loadStoreWords(): Promise<void> {
  loading ??= import('../ui/store-messages.js').then(
    (m) => {
      loaded = m;
    },
    () => {
      // not there (a broken install): the errors are said in English, as the store wrote them
    },
  );
  return loading;
}

export const loadedStoreWords = (): StoreWords | undefined => loaded;
