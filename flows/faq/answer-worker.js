// Entry of an answer worker thread: a worker does not inherit the TypeScript loader of the thread that starts it
// (bin/bhxh-outreach.js registers tsx in the main thread only), so it registers its own, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./answer-worker.ts');
