import { readFileSync } from 'node:fs';
import { loadPlaybook } from './src/playbook/load.js';
import { RULES } from './src/playbook/rules/index.js';
const times = new Map<string, number>();
for (const r of RULES as any[]) { const c = r.check; r.check = (ctx: any) => { const t = performance.now(); c(ctx); times.set(r.id, (times.get(r.id) ?? 0) + performance.now() - t); }; }
const host = { read: (p: string) => { try { return readFileSync(p); } catch { return undefined; } }, findById: () => undefined };
for (let i = 0; i < 3; i++) { const t = performance.now(); const r = loadPlaybook('/tmp/h13/gen10k.yaml', host); console.log('load', (performance.now() - t).toFixed(1), r.diagnostics.length); }
console.log([...times].map(([k, v]) => `${k} ${(v / 3).toFixed(1)}`).join('\n'));
