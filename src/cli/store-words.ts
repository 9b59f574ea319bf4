/**
 * The store's errors in Chinese (src/ui/store-messages.ts), loaded when a StoreError is to be said in
 * another language than English (usage-errors.ts readyToReport): most runs report none.
 */
import { lazyWords } from './lazy-words.js';

const words = lazyWords(() => import('../ui/store-messages.js'));

export const loadStoreWords = words.load;
export const loadedStoreWords = words.loaded;
