/** The user's config file: language, user playbook folder, default persona, import role words. Optional; bad ones are reported. */
import { dirname, resolve } from 'node:path';
import { type Diagnostic, suggest } from '../core/diagnostic.js';
import { CONFIG_KIND, decodeSource, parseYamlSource } from '../core/yaml-source.js';
import type { Locale } from '../playbook/schema.js';
import type { Env } from '../ui/style.js';
import { UserError } from './errors.js';
import { readFileBounded } from './files.js';
import { configFile } from './paths.js';

/** A few fields, checked by hand: every command reads the config, and zod would slow them all down. */
const FIELDS: Record<string, readonly string[] | 'string' | 'map'> = {
  lang: ['en', 'zh-CN', 'zh-TW'],
  playbooks: 'string',
  persona: 'string',
  map_role: 'map',
  store: 'string',
  passwordFile: 'string',
};

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
}

/**
 * What is wrong with a store's address, the same rule for --db, SALES_COACH_DB and the config's
 * `store:`: a URL of any scheme but postgres:// is refused (a typo must never become a SQLite file
 * named "postgress:" under some folder). Undefined when it is a team address or a file's path.
 */
export function storeAddressProblem(given: string): { message: string; hint: string } | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(given)?.[1];
  if (scheme === undefined || /^postgres(ql)?$/i.test(scheme)) return undefined;
  const close = suggest(scheme.toLowerCase(), ['postgres', 'postgresql']);
  return { message: `${scheme}:// is not a kind of database sales-coach knows`, hint: `${close.startsWith('did you mean') ? `${close.replace(/"\?$/, '://"?')} ` : ''}a team database is postgres://USER@HOST[:PORT]/DATABASE; anything else is the path of a SQLite file` };
}

export function loadConfig(env: Env, flag?: string): Config {
  const file = configFile(env, flag);
  let bytes: Uint8Array;
  try {
    bytes = readFileBounded(file, 256 * 1024, 'the config file');
  } catch (err) {
    if (err instanceof UserError) throw err; // there, but a device, a FIFO or far too large
    if (flag) throw new UserError(`cannot read the config file ${file}`, 'check the path given to --config');
    return {};
  }
  const decoded = decodeSource(file, bytes, CONFIG_KIND);
  const parsed = decoded.text !== undefined ? parseYamlSource(file, decoded.text, CONFIG_KIND) : { diagnostics: decoded.diagnostics };
  const diags: Diagnostic[] = [...parsed.diagnostics];
  let data: Config | undefined;
  if ('source' in parsed && parsed.source) {
    const src = parsed.source;
    const value = src.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      diags.push({ file, line: 1, col: 1, code: 'not-a-mapping', severity: 'error', message: 'the config is a mapping (lang:, playbooks:, persona:)' });
    } else {
      data = {};
      for (const [key, v] of Object.entries(value)) {
        const rule = FIELDS[key];
        if (!rule) diags.push({ file, ...src.locateKey([key]), code: 'unknown-key', severity: 'error', message: `unknown key "${key}" in the config`, hint: suggest(key, Object.keys(FIELDS), 'one of') });
        else if (rule === 'map') {
          const entries = typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.entries(v) : undefined;
          const bad = entries ? entries.find(([, t]) => typeof t !== 'string') : undefined;
          if (!entries) diags.push({ file, ...src.locate([key]), code: 'invalid-value', severity: 'error', message: `${key}: expected a mapping of words to roles, e.g. "decision maker: first_kp"` });
          else if (bad) diags.push({ file, ...src.locate([key, bad[0]]), code: 'invalid-value', severity: 'error', message: `${key}: "${bad[0]}" must map to a role value (a string)` });
          else {
            data.mapRole = entries.map(([word, target]) => {
              const at = src.locateKey([key, word]);
              return { word, target: target as string, source: `${file}:${at.line}:${at.col}` };
            });
          }
        } else if (typeof v !== 'string' || (rule !== 'string' && !rule.includes(v))) {
          diags.push({ file, ...src.locate([key]), code: 'invalid-value', severity: 'error', message: `${key}: ${JSON.stringify(v)} is not allowed`, hint: rule === 'string' ? 'expected a string' : suggest(String(v), rule, 'one of') });
        } else if (key === 'store' && storeAddressProblem(v)) {
          const p = storeAddressProblem(v) as { message: string; hint: string };
          diags.push({ file, ...src.locate([key]), code: 'invalid-value', severity: 'error', message: `${key}: ${p.message}`, hint: p.hint });
        } else (data as Record<string, string>)[key] = v;
      }
    }
  }
  const first = diags.find((d) => d.severity === 'error');
  if (first || !data) {
    const d = first ?? diags[0];
    throw new UserError(d ? `${d.file}:${d.line}:${d.col}: ${d.message}` : `cannot read the config file ${file}`, d?.hint);
  }
  if (data.playbooks) data.playbooks = resolve(dirname(file), data.playbooks);
  // ~/ is the user's home, as in a shell: a config is shared between machines more often than its folder
  const home = (p: string) => (p.startsWith('~/') && env.HOME ? resolve(env.HOME, p.slice(2)) : resolve(dirname(file), p));
  if (data.passwordFile) data.passwordFile = home(data.passwordFile);
  if (data.store && !/^postgres(ql)?:\/\//i.test(data.store)) data.store = home(data.store);
  return data;
}

/** zh_CN.UTF-8 -> zh-CN, zh_TW / zh_HK -> zh-TW, anything else -> en. */
export function localeFromEnv(env: Env): Locale {
  const raw = env.SALES_COACH_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (raw === 'zh-CN' || raw === 'zh-TW' || raw === 'en') return raw;
  if (/^zh[_-](TW|HK|MO)/i.test(raw) || /Hant/i.test(raw)) return 'zh-TW';
  if (/^zh/i.test(raw)) return 'zh-CN';
  return 'en';
}

export function pickLocale(flag: string | undefined, env: Env, config: Config): Locale {
  const value = flag ?? env.SALES_COACH_LANG ?? config.lang;
  if (value === undefined) return localeFromEnv(env);
  if (value === 'en' || value === 'zh-CN' || value === 'zh-TW') return value;
  if (/^zh[_-]?cn$/i.test(value)) return 'zh-CN';
  if (/^zh[_-]?tw$/i.test(value)) return 'zh-TW';
  throw new UserError(`unknown language "${value}"`, 'use --lang en, --lang zh-CN or --lang zh-TW');
}
