// Run: node scripts/sql-written-twice.mjs src/store (issue 21 figure)
// SQL statements written twice: every string or template literal in src/store that starts with
// SELECT/INSERT/UPDATE/DELETE/WITH, normalised (case, spaces, placeholders $1 ? @x ${...} -> ?),
// counted where the same normalised text occurs in two places or more.
import { readFileSync, readdirSync } from 'node:fs';
// the store's folder unless another is named
const dir = process.argv[2] ?? 'src/store';
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'migrations.ts' && f !== 'pg-migrations.ts');
const seen = new Map();
for (const f of files) {
  const text = readFileSync(`${dir}/${f}`, 'utf8');
  const re = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (const m of text.matchAll(re)) {
    const s = m[1] ?? m[2] ?? m[3];
    if (!/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(s)) continue;
    const norm = s.replace(/\$\{[^}]*\}/g, '?').replace(/\$\d+|@\w+|\?/g, '?').replace(/\s+/g, ' ').trim().toLowerCase();
    if (norm.length < 20) continue;
    const at = seen.get(norm) ?? [];
    at.push(f);
    seen.set(norm, at);
  }
}
const twice = [...seen].filter(([, at]) => at.length > 1);
console.log(`${dir}: ${seen.size} distinct SQL statements in literals, ${twice.length} written twice or more`);
for (const [s, at] of twice) console.log(`  ${at.join(', ')}: ${s.slice(0, 110)}`);
