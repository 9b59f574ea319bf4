/**
 * The query builder, in one place: the build bundles kysely's module tree into one chunk (its dozens
 * of ESM files cost 250-570 ms to import unbundled, 16-25 ms bundled), loaded only by commands that
 * open a store.
 */
export { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
export type { DatabaseConnection, Driver, Expression, ExpressionBuilder, Generated, Insertable, RawBuilder, Selectable, SqlBool, Transaction, TransactionSettings, Updateable } from 'kysely';
