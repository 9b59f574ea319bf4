/**
 * A catalogue of words loaded apart from the program's start (the store's errors, the command line's
 * messages in Chinese): most runs say none of them, and the first question's start-up stays small.
 * Loaded once, when something is to be said in another language than English; a catalogue that is not
 * there (a broken install) leaves the words in English, as the code wrote them.
 */
export function lazyWords<T>(importIt: () => Promise<T>): { load: () => Promise<void>; loaded: () => T | undefined } {
  let loaded: T | undefined;
  let loading: Promise<void> | undefined;
  return {
    load: () =>
      (loading ??= importIt().then(
        (m) => {
          loaded = m;
        },
        () => undefined,
      )),
    loaded: () => loaded,
  };
}
