import type { Server } from 'node:http';
import type { Application } from 'express';
import { closeDb, openDatabase, pgBaseOf, type Db } from '../db/client.ts';
import { startLeaderElection, type LeaderElection } from '../db/pg/leader.ts';
import { createWakeNotifier, listenForWakes, type WakeListener } from '../db/pg/outbox-wake.ts';
import { startCheckpointer, type Checkpointer } from '../db/checkpointer.ts';
import { takeInstanceLock, type InstanceLock } from '../db/instance-lock.ts';
import { seedDefaults, seedOptions } from '../db/seed/seed.ts';
import type { Config } from './config.ts';
import { capabilitiesOf, type Channel, type ChannelDeps, type Clock, type OutboundChannel } from './core/channel.ts';
import { localDay, systemClock } from './core/clock.ts';
import { createDispatcher, type Dispatcher } from './core/dispatcher.ts';
import { createLogger, type Logger } from './core/log.ts';
import type { ChannelName } from './core/message.ts';
import { createHttpApp } from './http/app.ts';
import { hardenServer } from './http/security.ts';
import { mountAdminApi } from './http/admin.ts';
import { mountConsolePages } from './http/dashboard-page.ts';
import { mountConsoleApi } from './http/admin/console-api.ts';
import { createOutboxWorker, type OutboxWorker } from './jobs/send-outbox.ts';
import { createScheduler, type Scheduler } from './jobs/scheduler.ts';
import { JOBS } from './jobs/index.ts';
import { createWebChannel } from '../bots/web/index.ts';
import { buildProviderChannels } from '../bots/index.ts';
import { buildFlows, faqEntriesPastEffective } from '../flows/index.ts';
import { createBroadcastRenderer } from '../flows/broadcast/render.ts';

export interface Service {
  config: Config;
  db: Db;
  log: Logger;
  clock: Clock;
  app: Application;
  dispatcher: Dispatcher;
  outbox: OutboxWorker;
  scheduler: Scheduler;
  channels: Channel[];
  /** Start listening and the background loops; resolves with the bound port. */
  listen(port?: number, host?: string): Promise<number>;
  /** Graceful stop: stop accepting, finish sends in flight, close the database. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  log?: Logger;
  clock?: Clock;
  /** Use this database instead of opening config.dbPath (tests pass ':memory:'). */
  dbPath?: string;
  /** Replace or add outbound channels (tests and benchmarks use fakes). */
  extraChannels?: (deps: ChannelDeps) => Channel[];
  /** Leave the outbox loop and the job scheduler stopped (tests drive `outbox.runOnce()` and `scheduler.tick()`). */
  manualOutbox?: boolean;
}

/** The composition root: config → db + migrations + seed → channels → dispatcher → http app → jobs. */
export async function createService(config: Config, opts: ServiceOptions = {}): Promise<Service> {
  const log = opts.log ?? createLogger({ level: config.logLevel });
  const clock = opts.clock ?? systemClock;
  // PostgreSQL when DATABASE_URL is set (several instances); else the SQLite file (one instance).
  const databaseUrl = opts.dbPath ? undefined : config.databaseUrl;
  const dbPath = opts.dbPath ?? config.dbPath;
  const db = await openDatabase(
    { databaseUrl, dbPath },
    { onIdleError: (err) => log.warn({ err }, 'a pooled PostgreSQL connection was lost; the pool opens another') },
  );
  const sqliteFile = databaseUrl === undefined && dbPath !== ':memory:';
  let checkpointer: Checkpointer | undefined;
  let instanceLock: InstanceLock | undefined;
  let election: LeaderElection | undefined;
  let wakeListener: WakeListener | undefined;
  const pgBase = pgBaseOf(db);
  const notifyLeader =
    pgBase && !opts.manualOutbox ? createWakeNotifier(pgBase, (err) => log.warn({ err }, 'could not wake the leader; its next tick sends the rows')) : undefined;
  await seedDefaults(db, seedOptions(config, clock.now()));

  const flowSet = buildFlows(config);
  // Answers from these entries say their figures may have changed; the people who keep the knowledge base should know.
  const pastEffective = faqEntriesPastEffective(localDay(clock.now()));
  if (pastEffective.length > 0) {
    log.warn({ entries: pastEffective }, `knowledge base: ${pastEffective.length} entries are past their effective end (their answers say so); review them`);
  }
  // The outbox is created after the channels; the dispatcher only needs to wake it.
  let outbox: OutboxWorker | undefined;
  // What each channel can render is known once the channels exist; until then the core's assumptions hold.
  let capabilities = capabilitiesOf([]);
  const dispatcher = createDispatcher({
    db,
    clock,
    log,
    ...flowSet,
    capabilities: (name) => capabilities(name),
    onQueued: () => {
      outbox?.kick();
      // Several instances: the leader sends; wake it now rather than at its next tick.
      if (notifyLeader && !election?.isLeader()) notifyLeader();
    },
  });
  const channelDeps: ChannelDeps = { db, log, clock, publicBaseUrl: config.publicBaseUrl, submit: (e, o) => dispatcher.submit(e, o) };
  const web = createWebChannel(channelDeps, config.env);
  // Channels given by the caller replace the configured channel of the same name (tests, terminal chat).
  const extra = opts.extraChannels?.(channelDeps) ?? [];
  const replaced = new Set(extra.map((c) => c.name));
  const channels: Channel[] = [web, ...buildProviderChannels(channelDeps, config.env), ...extra].filter(
    (c) => extra.includes(c) || !replaced.has(c.name),
  );
  const outbound = new Map<ChannelName, OutboundChannel>();
  for (const c of channels) outbound.set(c.name, c);
  capabilities = capabilitiesOf(channels);
  outbox = createOutboxWorker({ db, log, clock, config, channels: outbound, renderBroadcastRow: createBroadcastRenderer(db, () => clock.now().getTime()) });
  const worker = outbox;
  const scheduler = createScheduler({ db, config, log, clock, jobs: JOBS, capabilities, onQueued: () => worker.kick() });

  const app = createHttpApp({
    db,
    log,
    channels,
    submit: (e, o) => dispatcher.submit(e, o),
    extraRoutes: (a) => {
      mountConsolePages(a, { db, clock, config });
      mountConsoleApi(a, { db, config, clock });
      mountAdminApi(a, { db, config, clock });
    },
    https: config.publicBaseUrl?.startsWith('https:') ?? false,
    webChatPerMinute: config.access.webChatPerMinute,
  });
  let server: Server | undefined;
  const sockets = new Set<import('node:net').Socket>();

  return {
    config,
    db,
    log,
    clock,
    app,
    dispatcher,
    outbox: worker,
    scheduler,
    channels,
    async listen(port = config.port, host = config.host) {
      // One SQLite file, one instance: a second one would double the send rate and requeue the first one's sends.
      if (sqliteFile) instanceLock = takeInstanceLock(dbPath);
      if (sqliteFile) {
        checkpointer = startCheckpointer(dbPath, { onError: (message) => log.warn({ reason: message }, 'WAL checkpoint failed; retrying') });
      }
      if (!opts.manualOutbox && databaseUrl) {
        // Several instances: the one holding the leader lock sends the outbox (so each channel's rate limit holds
        // for the whole deployment) and runs the jobs; another takes over within LEADER_RETRY of its death.
        election = startLeaderElection({
          url: databaseUrl,
          retryMs: config.leaderRetryMs,
          onGain: () => {
            log.info('this instance leads: it sends the outbox and runs the jobs');
            // Rows queued by the other instances: they notify, and the sender runs at once.
            wakeListener ??= listenForWakes({
              url: databaseUrl,
              onWake: () => worker.kick(),
              onError: (err) => log.warn({ err }, 'outbox wake listener: reconnecting'),
            });
            void worker.start().catch((err: unknown) => log.error({ err }, 'outbox could not start'));
            scheduler.start();
          },
          onLose: () => {
            log.warn('this instance no longer leads: outbox and jobs stopped here');
            void wakeListener?.stop();
            wakeListener = undefined;
            scheduler.stop();
            void worker.stop();
          },
          onError: (err) => log.warn({ err }, 'leader election: retrying'),
        });
      } else if (!opts.manualOutbox) {
        await worker.start();
        scheduler.start();
      }
      for (const c of channels) await c.start?.();
      return new Promise<number>((resolve, reject) => {
        server = app.listen(port, host, (err?: Error) => {
          if (err) return reject(err);
          const addr = server?.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
        hardenServer(server, { maxConnections: config.access.maxConnections });
        server.on('connection', (s) => {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
        });
      });
    },
    async close() {
      if (server) {
        const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
        // Idle keep-alive sockets would hold close() open; requests in progress finish first.
        server.closeIdleConnections();
        setTimeout(() => sockets.forEach((s) => s.destroy()), 5000).unref();
        await closed;
        log.debug('stopped accepting requests');
      }
      await election?.stop();
      await wakeListener?.stop();
      scheduler.stop();
      for (const c of channels) await c.stop?.();
      await worker.stop();
      log.debug('outbox stopped; sends in flight finished');
      await checkpointer?.stop();
      await closeDb(db);
      instanceLock?.release();
      log.info('database closed; shut down');
    },
  };
}
