// Layers point one way: db/ ← src/core ← flows/ and bots/ ← the composition root (src/service.ts, src/main.ts,
// src/cli*.ts, src/http/**, src/jobs/**). Checked by test/layers.test.ts inside `npm test`.
const ROOT_ONLY = '^src/(http|jobs)/|^src/cli[^/]*\\.ts$|^src/(service|main)\\.ts$';

// Known exceptions, in files another engineer owns while issue 10 is in progress; each to be fixed, then removed:
// - db/seed/units.ts → src/text/vietnamese.ts (foldWords: move the text helpers under db/ or a shared lib/)
// - db/seed/seed.ts → src/core/clock.ts (take the clock's type from a lower layer, or a plain Date)
// - db/queries/places.ts → src/text/vietnamese.ts (foldWords, as db/seed/units.ts)
// - db/queries/callbacks.ts → src/core/message.ts, src/core/contacts.ts (Address type and pickAddress: move the
//   choice of a notification address up into flows/callback)
const KNOWN_FROM = '^db/seed/(units|seed)\\.ts$|^db/queries/(callbacks|places)\\.ts$';
const KNOWN_TO = '^src/text/(vietnamese|sms)\\.ts$|^src/core/(clock|outbox|message|contacts)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'db-imports-nothing-above',
      comment: 'db/ is the bottom layer: it imports nothing from src/, flows/ or bots/.',
      severity: 'error',
      from: { path: '^db/', pathNot: KNOWN_FROM },
      to: { path: '^(src|flows|bots)/' },
    },
    {
      name: 'db-known-exceptions-grow-no-further',
      comment: 'The files with known exceptions may not add new imports from above.',
      severity: 'error',
      from: { path: KNOWN_FROM },
      to: { path: '^(src|flows|bots)/', pathNot: KNOWN_TO },
    },
    {
      name: 'core-imports-no-flows-bots-or-root',
      comment: 'src/core knows nothing of flows, channels or the composition root.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: `^(flows|bots)/|${ROOT_ONLY}` },
    },
    {
      name: 'flows-import-no-bots-or-root',
      comment: 'flows/ talk to the core only: no channel code, no HTTP, jobs or CLI.',
      severity: 'error',
      from: { path: '^flows/' },
      to: { path: `^bots/|${ROOT_ONLY}` },
    },
    {
      name: 'bots-import-no-flows-or-root',
      comment: 'bots/ (channels) import the core only: no flows, HTTP or jobs.',
      severity: 'error',
      from: { path: '^bots/' },
      to: { path: '^flows/|^src/(http|jobs)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|test|bench|db/migrations)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
