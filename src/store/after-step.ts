/**
 * The step after an account's kept next one, in SQL written once for the migration that back-fills it
 * and for refreshAccount that keeps it (migrations.ts afterSchema): of the account's open steps, by
 * due day then id, the first still alive after the kept step's last day; `col` of it. The kept step's
 * last day is read from the steps, not the row, as an UPDATE's SET reads the row before it.
 */
export function afterStepSql(col: 'due' | 'lives_until'): string {
  const keptUntil = `(SELECT p.lives_until FROM checklist_items p WHERE p.account_id = accounts.id AND p.state = 'open' ORDER BY p.due, p.id LIMIT 1)`;
  return `(SELECT o.${col} FROM checklist_items o WHERE o.account_id = accounts.id AND o.state = 'open' AND (o.lives_until IS NULL OR o.lives_until > ${keptUntil}) ORDER BY o.due, o.id LIMIT 1)`;
}
