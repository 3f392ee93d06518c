import type { Job } from './scheduler.ts';
import { run as remindReporters } from './remind-reporters.ts';
import { run as supervisorDigest } from './supervisor-digest.ts';
import { run as fireBroadcasts } from './fire-broadcasts.ts';
import { run as callbackDeadlines } from './callback-deadlines.ts';

/** Every periodic job the service runs (one file per job). */
export const JOBS: readonly Job[] = [
  { name: 'fire-broadcasts', run: fireBroadcasts },
  { name: 'remind-reporters', run: remindReporters },
  { name: 'supervisor-digest', run: supervisorDigest },
  { name: 'callback-deadlines', run: callbackDeadlines },
];
