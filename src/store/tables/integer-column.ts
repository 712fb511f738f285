import type { ColumnType } from "kysely";

/**
 * Every INTEGER column reads as a bigint on both engines (better-sqlite3 with safe integers, pg with an int8 parser;
 * see create-database.ts) and accepts a number or a bigint when written. One rule for all integers means no column can
 * silently lose precision above 2^53, and a row type never depends on the engine.
 */
export type IntegerColumn = ColumnType<bigint, bigint | number, bigint | number>;
