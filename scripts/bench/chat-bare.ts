/**
 * The baseline of `npm run bench -- chat`: a bare Socket.IO server doing the same fan-out as the
 * portal's chat without storage, sessions or policy. Same transport settings as the portal
 * (`server/realtime/index.ts`: ping, packet limit, connection state recovery); a REST send
 * (`POST /send`) numbers the message in memory and emits it to the room `chat:<id>` except the
 * sender's sockets, and the sender's copy to `user:<id>`, like the portal.
 *
 *   node --import tsx scripts/bench/chat-bare.ts --port 3751
 * Clients connect with `auth: { userId, conversationIds }`.
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import express from 'express';
import { Server } from 'socket.io';

const { values } = parseArgs({ options: { port: { type: 'string', default: '3751' } } });
const port = Number(values.port);

const app = express();
app.use(express.json({ limit: '64kb' }));
const server = http.createServer(app);
const io = new Server(server, {
  path: '/socket.io',
  serveClient: false,
  maxHttpBufferSize: 64 * 1024,
  pingInterval: 20_000,
  pingTimeout: 20_000,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
});

io.on('connection', (socket) => {
  const auth = socket.handshake.auth as { userId?: unknown; conversationIds?: unknown };
  const userId = typeof auth.userId === 'string' ? auth.userId : '';
  const convs = Array.isArray(auth.conversationIds)
    ? auth.conversationIds.filter((c): c is string => typeof c === 'string')
    : [];
  void socket.join([`user:${userId}`, ...convs.map((c) => `chat:${c}`)]);
});

const seqs = new Map<string, number>();

app.post('/send', (req, res) => {
  const { conversationId, senderId, clientId, body } = req.body as Record<string, string>;
  if (!conversationId || !senderId || !clientId) return void res.status(400).end();
  const seq = (seqs.get(conversationId) ?? 0) + 1;
  seqs.set(conversationId, seq);
  // The same fields as the portal's MessageDTO, so the packets are of comparable size.
  const message = {
    id: `${senderId}-${clientId}`,
    conversationId,
    seq,
    clientId,
    sender: {
      id: senderId,
      displayName: 'Bot Bench',
      position: null,
      unitId: null,
      initials: 'BB',
      photoUrl: null,
    },
    body: body ?? '',
    attachments: [],
    threadId: null,
    thread: null,
    mentions: [],
    mentionsAll: false,
    reactions: [],
    forwardedFrom: null,
    createdAt: new Date().toISOString(),
    editedAt: null,
    deletedAt: null,
    abilities: { edit: false, delete: false, react: true, reply: true, forward: true },
  };
  io.to(`chat:${conversationId}`).except(`user:${senderId}`).emit('chat:message', { message });
  io.to(`user:${senderId}`).emit('chat:message', {
    message: { ...message, abilities: { ...message.abilities, edit: true, delete: true } },
  });
  res.status(201).json({ data: message });
});

app.get('/readyz', (_req, res) => void res.json({ ok: true }));

server.listen(port, '127.0.0.1', () => console.log(`bare chat server on ${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void io.close();
    server.close(() => process.exit(0));
  });
}
