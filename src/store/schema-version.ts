/**
 * How far the embedded store's schema goes: the length of migrations.ts SQLITE_MIGRATIONS, apart from
 * their text, so that opening a database already at this version loads none of it (sqlite-store.ts).
 * tests/store/sqlite.test.ts holds the two equal.
 */
export const SQLITE_SCHEMA_VERSION = 17;
