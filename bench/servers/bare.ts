// Child process for benchmarks: a bare Express handler with the same route and JSON shape, no database.
import express from 'express';

const app = express();
app.post('/web/chat', express.json({ limit: '64kb' }), (req, res) => {
  const body = req.body as { text?: string };
  res.json({ replies: [{ text: `echo ${body.text ?? ''}`, quickReplies: [] }] });
});
const server = app.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`PORT ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
