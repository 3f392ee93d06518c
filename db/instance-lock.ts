import Database from 'better-sqlite3';

/** Held by a running service for its data folder; released by the OS when the process ends, even on kill -9. */
export interface InstanceLock {
  release(): void;
}

/** Thrown when another instance already serves from the same SQLite file. */
export class InstanceLockedError extends Error {
  constructor(path: string) {
    super(
      `another bhxh-outreach instance is already running on ${path}. One SQLite file serves one instance: ` +
        'stop the other one, or run several instances on PostgreSQL (DATABASE_URL) instead.',
    );
    this.name = 'InstanceLockedError';
  }
}

/**
 * Take the single-instance lock of a SQLite database: an exclusive SQLite lock on a small side file
 * (`<db>.lock`), held for the life of the process. Command-line tools do not take it, so `create-admin` and
 * exports keep working beside the running service (WAL lets them share the database itself).
 */
export function takeInstanceLock(dbPath: string): InstanceLock {
  const path = `${dbPath}.lock`;
  const lock = new Database(path, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS instance (pid INTEGER)');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY') throw new InstanceLockedError(dbPath);
    throw err;
  }
  return {
    release() {
      if (!lock.open) return;
      lock.exec('COMMIT');
      lock.close();
    },
  };
}
