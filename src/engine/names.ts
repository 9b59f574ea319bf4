/** Names of accounts and people match whatever their case and width: "ACME", "Acme" and "Ａｃｍｅ" are one. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
