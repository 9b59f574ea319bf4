/**
 * The session's language from --lang, the environment or the config's lang, apart from the config
 * reader: the first question of `prep` needs the language only, and the reader (zod, the YAML source)
 * is most of what would load before it (bench/first-question.mjs).
 */
import type { Locale } from '../engine/model.js';
import type { Env } from '../ui/style.js';
import { USAGE_MESSAGES } from '../ui/usage-messages.js';
import { said, UserError } from './errors.js';

/** zh_CN.UTF-8 -> zh-CN, zh_TW / zh_HK -> zh-TW, anything else -> en. */
export function localeFromEnv(env: Env): Locale {
  const raw = env.SALES_COACH_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (raw === 'zh-CN' || raw === 'zh-TW' || raw === 'en') return raw;
  if (/^zh[_-](TW|HK|MO)/i.test(raw) || /Hant/i.test(raw)) return 'zh-TW';
  if (/^zh/i.test(raw)) return 'zh-CN';
  return 'en';
}

export function pickLocale(flag: string | undefined, env: Env, config: { lang?: string }): Locale {
  picked = choose(flag, env, config);
  return picked;
}

function choose(flag: string | undefined, env: Env, config: { lang?: string }): Locale {
  const value = flag ?? env.SALES_COACH_LANG ?? config.lang;
  if (value === undefined) return localeFromEnv(env);
  if (value === 'en' || value === 'zh-CN' || value === 'zh-TW') return value;
  if (/^zh[_-]?cn$/i.test(value)) return 'zh-CN';
  if (/^zh[_-]?tw$/i.test(value)) return 'zh-TW';
  // said in the environment's language: the one asked for is not one the program speaks
  const inEnv = localeFromEnv(env);
  if (inEnv !== 'en') throw UserError.worded(USAGE_MESSAGES[inEnv].unknownLanguage(value), USAGE_MESSAGES[inEnv].unknownLanguageHint);
  throw new UserError(said('unknownLanguage', { value }), `unknown language "${value}"`, 'use --lang en, --lang zh-CN or --lang zh-TW');
}

/**
 * The language this run last chose (a session's, with the config's lang or a draft's read): an error
 * reported after the command began speaks it. Undefined before any choice; `main` forgets it per run.
 */
let picked: Locale | undefined;
export const pickedLocale = (): Locale | undefined => picked;
export function forgetPickedLocale(): void {
  picked = undefined;
}
