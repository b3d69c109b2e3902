/**
 * What a cluster needs Redis for, checked from outside: a `user.created` push reaches WebSocket
 * clients on every worker, and an update is read back fresh from every worker.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { httpGet } from '../core/application/fixtures/http-get.js';

const CLIENTS = 10;
const PUSH_TIMEOUT_MS = 5000;

interface UserBody {
  id: string;
  name: string;
}

async function sendUser(url: string, method: 'POST' | 'PATCH', body: object): Promise<UserBody> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== (method === 'POST' ? 201 : 200)) {
    throw new Error(`${method} ${url} answered ${response.status}`);
  }
  return (await response.json()) as UserBody;
}

function createUser(baseUrl: string, name: string): Promise<UserBody> {
  const email = `cross-${Date.now()}-${Math.random().toString(36).slice(2)}@load.test`;
  return sendUser(`${baseUrl}/users`, 'POST', { name, email });
}

/** Joins the `users` room; every `user.created` id it hears goes into `heard`. */
function joinUsersRoom(wsUrl: string, heard: Set<string>): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl);
  socket.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as { event?: string; data?: { id?: string } };
    if (frame.event === 'user.created' && frame.data?.id) heard.add(frame.data.id);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () =>
      socket.send(JSON.stringify({ event: 'join', data: { room: 'users' } })),
    );
    socket.once('message', () => resolve(socket));
  });
}

/**
 * How many of 10 clients in the `users` room heard one new user. Each WebSocket is its own
 * connection, which the kernel (Bun) or PM2's primary (Node) gives to either worker.
 */
export async function usersRoomPushes(baseUrl: string): Promise<number> {
  const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/ws`;
  const heard = Array.from({ length: CLIENTS }, () => new Set<string>());
  const sockets = await Promise.all(heard.map((ids) => joinUsersRoom(wsUrl, ids)));
  try {
    const user = await createUser(baseUrl, 'Pushed');
    const deadline = Date.now() + PUSH_TIMEOUT_MS;
    while (!heard.every((ids) => ids.has(user.id)) && Date.now() < deadline) await sleep(20);
    return heard.filter((ids) => ids.has(user.id)).length;
  } finally {
    for (const socket of sockets) socket.close();
  }
}

/** The names 10 reads on fresh connections (so on either worker) return after a rename. */
export async function namesAfterRename(baseUrl: string): Promise<string[]> {
  const user = await createUser(baseUrl, 'Before');
  const read = async () => {
    const { body } = await httpGet(`${baseUrl}/users/${user.id}`, false);
    return (JSON.parse(body) as UserBody).name;
  };
  // Every worker reads (and caches) the old name first.
  await Promise.all(Array.from({ length: CLIENTS }, read));
  await sendUser(`${baseUrl}/users/${user.id}`, 'PATCH', { name: 'After' });
  return Promise.all(Array.from({ length: CLIENTS }, read));
}
