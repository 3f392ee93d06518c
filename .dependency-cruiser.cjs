// Layers point one way: db/ ← src/core ← flows/ and bots/ ← the composition root (src/service.ts, src/main.ts,
// src/cli*.ts, src/http/**, src/jobs/**). Checked by test/layers.test.ts inside `npm test`.
const ROOT_ONLY = '^src/(http|jobs)/|^src/cli[^/]*\\.ts$|^src/(service|main)\\.ts$';

// src/text/ is a leaf library (Vietnamese folding, SMS encoding, phone numbers): it imports nothing from the project,
// so every layer, db/ included, may use it (the units' folded names are stored with it).
const LEAF = '^src/text/';

module.exports = {
  forbidden: [
    {
      name: 'db-imports-nothing-above',
      comment: 'db/ is the bottom layer: it imports nothing from src/, flows/ or bots/ (but the leaf src/text/).',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(src|flows|bots)/', pathNot: LEAF },
    },
    {
      name: 'text-is-a-leaf',
      comment: 'src/text/ imports nothing from the project but itself (npm packages only).',
      severity: 'error',
      from: { path: LEAF },
      to: { path: '^(src|flows|bots|db)/', pathNot: LEAF },
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
