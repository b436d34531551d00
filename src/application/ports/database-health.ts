/** Tells whether the database answers and whether its schema is up to date. */
export interface DatabaseHealth {
  /** Resolves to `undefined` when the database answers, or to a one-line reason when it does not. */
  ping(): Promise<string | undefined>;
  /** Names of migrations that exist in the code but have not been applied. */
  pendingMigrations(): Promise<readonly string[]>;
}
