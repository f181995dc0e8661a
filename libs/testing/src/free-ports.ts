import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Where Linux takes the local ports of outgoing connections (ip_local_port_range); null elsewhere. */
export function ephemeralRange(text?: string): { low: number; high: number } | null {
  try {
    const [low, high] = (text ?? readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')).trim().split(/\s+/).map(Number);
    return Number.isInteger(low) && Number.isInteger(high) && low > 1024 ? { low, high } : null;
  } catch {
    return null;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Ports this process has handed out: not handed out again, as one may not be listened on yet. */
const given = new Set<number>();

/**
 * `count` distinct ports free now. Where the system says which ports its outgoing connections use,
 * they are picked below that range: a port from it (what listen(0) gives) can be taken as the local
 * end of some process's connection to PostgreSQL or NATS in the seconds before the server or app that
 * was meant to listen on it starts, which then cannot.
 */
export async function freePorts(count: number, random: () => number = Math.random): Promise<number[]> {
  const range = ephemeralRange();
  const low = 10_000;
  const picked: number[] = [];
  for (let tries = 0; picked.length < count; tries++) {
    const below = range && range.low - low >= 1000 && tries <= 500;
    const port = below ? low + Math.floor(random() * (range.low - low)) : await anyFreePort();
    if (given.has(port) || (below && !(await canListen(port)))) continue;
    given.add(port);
    picked.push(port);
  }
  return picked;
}

/** One port free now, as freePorts gives them. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}
