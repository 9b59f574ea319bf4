/**
 * The CLI's only clock: the rep's calendar day (default visit dates, "overdue") and the moment a
 * record is written (stamps). The engine and the store never read it: they are given these.
 */
export function now(): string {
  return new Date().toISOString();
}

export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
