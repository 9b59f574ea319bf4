/** The user's config file: language, user playbook folder, default persona, import role words. Optional; bad ones are reported. */
import { dirname, resolve } from 'node:path';
import * as z from 'zod/mini';
import { closest, type Diagnostic } from '../core/diagnostic.js';
import { controlCharIn } from '../core/control.js';
import { CONFIG_KIND, decodeSource, parseYamlSource, type YamlSource } from '../core/yaml-source.js';
import { validateWithSchema } from '../core/zod-diagnostics.js';
import type { Locale } from '../playbook/schema.js';
import type { Env } from '../ui/style.js';
import { said, UserError } from './errors.js';
import { readFileBounded } from './files.js';
import { NOTICE_MESSAGES } from '../ui/notice-messages.js';
import { configFile } from './paths.js';
import { localeFromEnv, pickLocale } from './locale.js';

export { localeFromEnv, pickLocale } from './locale.js';

// as the playbook schema and the journal: no generated code
z.config({ jitless: true });

/**
 * The config as it is written, held to a schema like every other file the program reads (the
 * playbook, answers files, drafts): an unknown key, a value of the wrong type or outside its choices
 * is reported at config.yaml:line:col with what was expected. `store:` is then held to the one rule
 * for store addresses (storeAddressProblem), as --db and SALES_COACH_DB are.
 */
export const ConfigFileSchema = z.strictObject({
  lang: z.optional(z.enum(['en', 'zh-CN', 'zh-TW'])),
  playbooks: z.optional(z.string()),
  persona: z.optional(z.string()),
  map_role: z.optional(z.record(z.string(), z.string())),
  store: z.optional(z.string()),
  passwordFile: z.optional(z.string()),
  /** `today`: the rep's calendar, an .ics file (relative to the folder today runs in). */
  calendar: z.optional(z.string()),
  /** The currency of deal values given from now on (ISO 4217, e.g. CNY). */
  currency: z.optional(z.string()),
  /** team review: an account in play not visited for this many days is untouched (default 14). */
  untouchedDays: z.optional(z.int().check(z.minimum(1), z.maximum(3650))),
});

export interface Config {
  lang?: Locale;
  playbooks?: string;
  persona?: string;
  /** `import`: the CRM's role words and the playbook role each means, with where each was written. */
  mapRole?: { word: string; target: string; source: string }[];
  /** The store: a SQLite file, or a team database's postgres:// URL (no password in it). */
  store?: string;
  /** A file holding the team database's password (for a rep who does not use ~/.pgpass). */
  passwordFile?: string;
  /** `today`: the rep's calendar (.ics), as written. */
  calendar?: string;
  /** The currency of deal values given from now on: an ISO 4217 code, upper case. */
  currency?: string;
  /** team review: days without a visit after which an account in play is untouched. */
  untouchedDays?: number;
}

/**
 * What is wrong with a store's address, the same rule for --db, SALES_COACH_DB and the config's
 * `store:`: a URL of any scheme but postgres:// is refused (a typo must never become a SQLite file
 * named "postgress:" under some folder). Undefined when it is a team address or a file's path.
 */
export function storeAddressProblem(given: string, locale: Locale = 'en'): { message: string; hint: string } | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(given)?.[1];
  if (scheme === undefined || /^postgres(ql)?$/i.test(scheme)) return undefined;
  const m = NOTICE_MESSAGES[locale];
  return { message: m.unknownStore(scheme), hint: m.storeHint(closest(scheme.toLowerCase(), ['postgres', 'postgresql'])) };
}

/** The config's strings that hold a control character, each a diagnostic at its value (a key of map_role at its key). */
function controlCharsIn(v: z.infer<typeof ConfigFileSchema>, src: YamlSource, file: string, locale: Locale): Diagnostic[] {
  const m = NOTICE_MESSAGES[locale];
  const out: Diagnostic[] = [];
  const check = (path: string[], text: string, at: { line: number; col: number }) => {
    const code = controlCharIn(text);
    if (code) out.push({ file, ...at, code: 'control-character', severity: 'error', message: `${path.join('.')}: ${m.controlChar(m.theValue, code)}`, hint: m.controlTextHint });
  };
  for (const key of ['playbooks', 'persona', 'store', 'passwordFile', 'calendar'] as const) {
    const value = v[key];
    if (value !== undefined) check([key], value, src.locate([key]));
  }
  for (const [word, target] of Object.entries(v.map_role ?? {})) {
    check(['map_role', word], word, src.locateKey(['map_role', word]));
    check(['map_role', word], target, src.locate(['map_role', word]));
  }
  return out;
}

export function loadConfig(env: Env, flag?: string, lang?: string): Config {
  const file = configFile(env, flag);
  let bytes: Uint8Array;
  try {
    bytes = readFileBounded(file, 256 * 1024, 'the config file');
  } catch (err) {
    if (err instanceof UserError) throw err; // there, but a device, a FIFO or far too large
    if (flag) throw new UserError(said('configUnreadable', { file }), `cannot read the config file ${file}`, 'check the path given to --config');
    // a file named on purpose and not there is a mistake to say, not a default to fall back on: a
    // typo in SALES_COACH_CONFIG would otherwise run every command on the wrong store or language
    if (env.SALES_COACH_CONFIG) throw new UserError(said('configEnvMissing', { file }), `the config file ${file} named by SALES_COACH_CONFIG does not exist or cannot be read`, 'correct SALES_COACH_CONFIG, or unset it to use the default config');
    return {};
  }
  const decoded = decodeSource(file, bytes, CONFIG_KIND);
  const parsed = decoded.text !== undefined ? parseYamlSource(file, decoded.text, CONFIG_KIND) : { diagnostics: decoded.diagnostics };
  const diags: Diagnostic[] = [...parsed.diagnostics];
  let data: Config | undefined;
  if ('source' in parsed && parsed.source) {
    const src = parsed.source;
    const checked = validateWithSchema(ConfigFileSchema, src);
    // the schema's words name "the top level"; a rep reads "the config"
    for (const d of checked.diagnostics) diags.push({ ...d, message: d.message.replace(/\bthe top level\b/, 'the config') });
    const v = checked.data;
    const storeProblem = v?.store === undefined ? undefined : storeAddressProblem(v.store, noticeLocale(env, lang, v.lang));
    if (storeProblem) diags.push({ file, ...src.locate(['store']), code: 'invalid-value', severity: 'error', message: `store: ${storeProblem.message}`, hint: storeProblem.hint });
    // a path or a name with a control character is refused at its line, as the command line refuses
    // one: 'store: "coach\0.db"' reached the file system as an internal error (exit 3), and
    // 'calendar: "a\0.ics"' was reported as the missing file "a.ics"
    const controls = v ? controlCharsIn(v, src, file, noticeLocale(env, lang, v.lang)) : [];
    diags.push(...controls);
    const currencyProblem = v?.currency === undefined ? undefined : currencyCodeProblem(v.currency);
    if (currencyProblem) diags.push({ file, ...src.locate(['currency']), code: 'invalid-value', severity: 'error', message: `currency: ${currencyProblem.message}`, hint: currencyProblem.hint });
    if (!storeProblem && !controls.length && !currencyProblem && v) {
      data = {
        ...(v.lang !== undefined ? { lang: v.lang } : {}),
        ...(v.playbooks !== undefined ? { playbooks: v.playbooks } : {}),
        ...(v.persona !== undefined ? { persona: v.persona } : {}),
        ...(v.store !== undefined ? { store: v.store } : {}),
        ...(v.passwordFile !== undefined ? { passwordFile: v.passwordFile } : {}),
        ...(v.calendar !== undefined ? { calendar: v.calendar } : {}),
        ...(v.currency !== undefined ? { currency: v.currency.trim().toUpperCase() } : {}),
        ...(v.untouchedDays !== undefined ? { untouchedDays: v.untouchedDays } : {}),
      };
      if (v.map_role) {
        data.mapRole = Object.entries(v.map_role).map(([word, target]) => {
          const at = src.locateKey(['map_role', word]);
          return { word, target, source: `${file}:${at.line}:${at.col}` };
        });
      }
    }
  }
  const first = diags.find((d) => d.severity === 'error');
  if (first || !data) {
    const d = first ?? diags[0];
    // line 0 is the whole file (empty, not UTF-8): named without a place, never as "config.yaml:0:0"
    const place = d ? `${d.file}${d.line ? `:${d.line}:${d.col}` : ''}` : '';
    throw new UserError(d ? said('configProblem', { place, message: d.message, ...(d.hint ? { hint: d.hint } : {}) }) : said('configUnreadable', { file }), d ? `${place}: ${d.message}` : `cannot read the config file ${file}`, d?.hint);
  }
  if (data.playbooks) data.playbooks = resolve(dirname(file), data.playbooks);
  // ~/ is the user's home, as in a shell: a config is shared between machines more often than its folder
  const home = (p: string) => (p.startsWith('~/') && env.HOME ? resolve(env.HOME, p.slice(2)) : resolve(dirname(file), p));
  if (data.passwordFile) data.passwordFile = home(data.passwordFile);
  if (data.store && !/^postgres(ql)?:\/\//i.test(data.store)) data.store = home(data.store);
  return data;
}

/**
 * What is wrong with a currency code, if anything: it must be one of ISO 4217's, as the runtime's
 * own list knows them (Intl.supportedValuesOf), written in any case ("cny" is CNY).
 */
export function currencyCodeProblem(given: string): { message: string; hint: string } | undefined {
  const code = given.trim().toUpperCase();
  const known = Intl.supportedValuesOf('currency');
  if (known.includes(code)) return undefined;
  // what people call a currency rather than its code
  const called = new Map([['YUAN', 'CNY'], ['RMB', 'CNY'], ['¥', 'CNY (or JPY)'], ['NTD', 'TWD'], ['NT$', 'TWD'], ['$', 'USD'], ['€', 'EUR'], ['HK$', 'HKD'], ['£', 'GBP']]);
  const near = called.get(code) ?? closest(code, known);
  return { message: `"${given}" is not an ISO 4217 currency code`, hint: near ? `did you mean ${near}? (three letters, e.g. CNY, TWD, USD, EUR)` : 'three letters, e.g. CNY, TWD, USD, EUR' };
}

/**
 * The currency a deal value given now is in: the config's, else none (the number alone). Not guessed
 * from the language: a rep who runs one session in Chinese and the next in English would otherwise
 * keep one deal in yuan and the next in no currency, and their totals could not be added.
 */
export function currencyOf(config: Config, _locale?: Locale): string | undefined {
  return config.currency;
}

/** The language of the config's own diagnostics: --lang, else the config's lang: if it is one, else the environment's. */
function noticeLocale(env: Env, flag: string | undefined, configLang: Config['lang']): Locale {
  try {
    return pickLocale(flag, env, configLang === undefined ? {} : { lang: configLang });
  } catch {
    return localeFromEnv(env);
  }
}

