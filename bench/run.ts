// `npm run bench`: every benchmark, one after another (they compete for the same 2 cores otherwise), then
// docs/BENCHMARKS.md rewritten with the figures, the machine and the date. `npm run bench -- web-chat faq` runs some.
import { cpus, totalmem, loadavg, release } from 'node:os';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';

type Bench = () => Promise<{ name: string; lines: string[] }>;
const ALL: Record<string, () => Promise<Bench>> = {
  'web-chat': async () => (await import('./web-chat.ts')).benchWebChat,
  'web-chat-pg': async () => (await import('./web-chat-pg.ts')).benchWebChatPg,
  instances: async () => (await import('./instances.ts')).benchInstances,
  'web-chat-answers': async () => (await import('./web-chat-answers.ts')).benchWebChatAnswers,
  outbox: async () => (await import('./outbox.ts')).benchOutbox,
  broadcasts: async () => (await import('./broadcasts.ts')).benchBroadcasts,
  faq: async () => (await import('./faq.ts')).benchFaq,
  reports: async () => (await import('./reports.ts')).benchReports,
  'sms-reports': async () => (await import('./sms-reports.ts')).benchSmsReports,
  channels: async () => (await import('./channels.ts')).benchChannels,
  callbacks: async () => (await import('./callbacks.ts')).benchCallbacks,
};

const wanted = process.argv.slice(2).filter((a) => a in ALL);
const names = wanted.length > 0 ? wanted : Object.keys(ALL);
const cpu = cpus();
const machine = `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}, Node.js ${process.version}`;
const sections: string[] = [];
for (const name of names) {
  const before = loadavg()[0]?.toFixed(1);
  const started = Date.now();
  const bench = await ALL[name]!();
  const result = await bench();
  const section = `## ${result.name}\n\n_\`npm run bench -- ${name}\`; load average before: ${before}; took ${Math.round((Date.now() - started) / 1000)} s._\n\n${result.lines.join('\n')}\n`;
  console.log(section);
  sections.push(section);
}

const header = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
Machine: ${machine}.
Load generator (autocannon) and service run on the same machine, the service in its own process; each figure is
one run, so expect ±15 % between runs on a shared 2-core machine.
`;
const path = new URL('../docs/BENCHMARKS.md', import.meta.url);
if (wanted.length > 0 && existsSync(path)) {
  // Partial run: replace only the sections that ran.
  let doc = readFileSync(path, 'utf8');
  for (const s of sections) {
    const title = s.split('\n')[0]!;
    const start = doc.indexOf(title);
    if (start < 0) doc += `\n${s}`;
    else {
      const next = doc.indexOf('\n## ', start + title.length);
      doc = doc.slice(0, start) + s + (next < 0 ? '' : doc.slice(next + 1));
    }
  }
  writeFileSync(path, doc.replace(/^# Benchmarks[\s\S]*?(?=\n## )/, header));
} else {
  writeFileSync(path, `${header}\n${sections.join('\n')}`);
}
console.log(`written to docs/BENCHMARKS.md`);
