/**
 * The key-by-key part of docs/playbook-format.md, generated from the playbook's JSON Schema (itself
 * generated from the zod schema, whose descriptions are the editor's hover texts). A test fails when
 * the schema changes and the document does not (`npx tsx scripts/write-format-doc.ts` rewrites it).
 */
type Json = { [key: string]: unknown };

export const GENERATED_BEGIN = '<!-- generated from src/playbook/schema.ts: do not edit by hand (npx tsx scripts/write-format-doc.ts) -->';
export const GENERATED_END = '<!-- end of the generated part -->';

const isText = (s: Json) => Array.isArray(s.anyOf) && (s.anyOf as Json[]).some((x) => x.type === 'object' && (x.properties as Json | undefined)?.en !== undefined);

function resolve(s: Json, root: Json): Json {
  const ref = s.$ref as string | undefined;
  if (!ref) return s;
  const name = ref.split('/').pop() as string;
  return { ...((root.definitions as Record<string, Json>)[name] ?? {}), $refName: name };
}

/** A short name for a value's type, as a trainer writes it. */
function typeOf(s: Json, root: Json): string {
  if (Array.isArray(s.allOf) && s.allOf.length === 1) return typeOf(s.allOf[0] as Json, root);
  if (s.$ref) return (s.$ref as string).endsWith('/Condition') ? 'condition' : typeOf(resolve(s, root), root);
  if (isText(s)) return 'text';
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => `\`${String(v)}\``).join(' | ');
  if (s.const !== undefined) return `\`${String(s.const)}\``;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).map((x) => typeOf(x, root)).join(' or ');
  if (s.type === 'array') {
    if (Array.isArray(s.items)) return `[${(s.items as Json[]).map((x) => typeOf(x, root)).join(', ')}]`;
    return `list of ${typeOf(s.items as Json, root)}`;
  }
  if (s.type === 'object') return 'mapping';
  if (s.type === 'integer') {
    // zod bounds every int by the safe integers: only a bound the schema sets itself is worth saying
    const bound = (n: unknown) => (typeof n === 'number' && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
    const [min, max] = [bound(s.minimum), bound(s.maximum)];
    const range = min !== undefined && max !== undefined ? ` (${min} to ${max})` : min !== undefined ? ` (${min} or more)` : max !== undefined ? ` (at most ${max})` : '';
    return `whole number${range}`;
  }
  if (s.type === 'string' && s.pattern === '^[A-Za-z][A-Za-z0-9_-]*$') return 'id';
  return String(s.type ?? 'any');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The object schemas below a value: of a list's items, or of a union's object branch. */
function objectsIn(s: Json, root: Json): Json[] {
  if (Array.isArray(s.allOf) && s.allOf.length === 1) return objectsIn(s.allOf[0] as Json, root);
  if (s.$ref) return (s.$ref as string).endsWith('/Condition') ? [] : objectsIn(resolve(s, root), root);
  if (isText(s)) return [];
  if (s.type === 'object' && s.properties) return [s];
  if (s.type === 'array' && s.items && !Array.isArray(s.items)) return objectsIn(s.items as Json, root);
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).flatMap((x) => objectsIn(x, root));
  return [];
}

export function formatReference(root: Json): string {
  const out: string[] = [];
  const section = (title: string, s: Json, depth: number) => {
    out.push(`${'#'.repeat(Math.min(depth, 4))} \`${title}\``, '');
    if (s.description) out.push(cell(String(s.description)), '');
    out.push('| key | value | what it means |', '|---|---|---|');
    const props = s.properties as Record<string, Json>;
    for (const [key, p] of Object.entries(props)) out.push(`| \`${key}\` | ${cell(typeOf(p, root))} | ${cell(String(p.description ?? resolve(p, root).description ?? ''))} |`);
    out.push('');
    for (const [key, p] of Object.entries(props)) {
      for (const o of objectsIn(p, root)) section(`${title === 'playbook' ? '' : `${title}.`}${key}${p.type === 'array' || (Array.isArray(p.anyOf) && (p.anyOf as Json[]).some((x) => x.type === 'array')) ? '[]' : ''}`, { ...o, description: o.description ?? p.description }, depth + 1);
    }
  };
  section('playbook', root, 2);
  const condition = (root.definitions as Record<string, Json>).Condition;
  if (condition) section('condition', condition, 2);
  return out.join('\n').replace(/\n+$/, '\n');
}

/** The document with its generated part replaced. */
export function withReference(doc: string, reference: string): string {
  const a = doc.indexOf(GENERATED_BEGIN);
  const b = doc.indexOf(GENERATED_END);
  if (a === -1 || b === -1 || b < a) throw new Error('docs/playbook-format.md has lost its generated-part markers');
  return `${doc.slice(0, a + GENERATED_BEGIN.length)}\n\n${reference}\n${doc.slice(b)}`;
}
