import { AsyncResource } from 'node:async_hooks';

/**
 * Work that outlives the caller's turn (the queue pump, a count finishing after the chat step has answered) must
 * not run inside the caller's transaction. db/client.ts finds the open transaction through AsyncLocalStorage, which
 * follows every promise started inside it: a pump started by a chat command would send its queries to the
 * dispatcher's transaction after it committed (PostgreSQL), or open savepoints in one that has ended (SQLite).
 * This resource was made when the module loaded, outside any transaction; work run in its scope starts clean.
 * (A general `outsideTransaction` in db/client.ts would serve other areas too.)
 */
const outside = new AsyncResource('broadcast-background');

/** Run `fn` outside any transaction of the caller (its own transactions are outermost ones). */
export function detached<T>(fn: () => Promise<T>): Promise<T> {
  return outside.runInAsyncScope(fn);
}
