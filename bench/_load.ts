import { load } from './support.ts';
const url = process.argv[2]!;
const r = await load(url, { path: '/web/chat', seconds: 6, connections: 10, body: (i) => JSON.stringify({ session: `s${i % 2000}`, text: Math.floor(i / 2000) % 2 === 0 ? 'menu' : '1' }) });
console.log(r);
