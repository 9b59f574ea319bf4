/** The user's config file: language, user playbook folder, default persona. Optional; bad ones are reported. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { decodeSource, parseYamlSource } from '../core/yaml-source.js';
import { validateWithSchema } from '../core/zod-diagnostics.js';
import type { Locale } from '../playbook/schema.js';
import type { Env } from '../ui/style.js';
import { UserError } from './errors.js';
import { configFile } from './paths.js';

const ConfigSchema = z
  .object({
    lang: z.enum(['en', 'zh-CN', 'zh-TW']).optional().describe('The language of the interview and the result.'),
    playbooks: z.string().optional().describe('A folder of user playbooks (relative to this file).'),
    persona: z.string().optional().describe('The persona to assume when none is given.'),
  })
  .strict();

export interface Config {
  lang?: Locale;
  playbooks?: string;
  persona?: string;
}

export function loadConfig(env: Env, flag?: string): Config {
  const file = configFile(env, flag);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    if (flag) throw new UserError(`cannot read the config file ${file}`, 'check the path given to --config');
    return {};
  }
  const decoded = decodeSource(file, bytes);
  const parsed = decoded.text !== undefined ? parseYamlSource(file, decoded.text) : { diagnostics: decoded.diagnostics };
  const diags = [...parsed.diagnostics];
  let data: Config | undefined;
  if ('source' in parsed && parsed.source) {
    const r = validateWithSchema(ConfigSchema, parsed.source);
    diags.push(...r.diagnostics);
    data = r.data;
  }
  const first = diags.find((d) => d.severity === 'error');
  if (first || !data) {
    const d = first ?? diags[0];
    throw new UserError(d ? `${d.file}:${d.line}:${d.col}: ${d.message}` : `cannot read the config file ${file}`, d?.hint);
  }
  if (data.playbooks) data.playbooks = resolve(dirname(file), data.playbooks);
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
