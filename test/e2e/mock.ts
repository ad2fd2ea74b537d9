import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

const MOCK_SERVER = join(ROOT, 'test/e2e/mock-server.mjs');

/** Free loopback ports, all held open together while probed so that none is handed out twice. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('no port');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/**
 * Starts Prism's mock server for specs, each on a free loopback port, in one process, and waits
 * until it says it is listening. Request validation and security checks are off (see
 * mock-server.mjs): the tests ask for error responses, not for Prism's own 401s and 422s about
 * the request. `stop` ends it.
 */
export async function startPrisms(specs: readonly string[]): Promise<{ urls: string[]; stop: () => void }> {
  const ports = await freePorts(specs.length);
  const child: ChildProcess = spawn(process.execPath, [MOCK_SERVER, ...specs.flatMap((spec, i) => [spec, String(ports[i])])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start: ${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('exit', (code) => reject(new Error(`Prism exited (${code}): ${output}`)));
  });
  return { urls: ports.map((port) => `http://127.0.0.1:${port}`), stop: () => void child.kill('SIGTERM') };
}

/** Prism on one spec (see `startPrisms`). */
export async function startPrism(spec: string): Promise<{ url: string; stop: () => void }> {
  const { urls, stop } = await startPrisms([spec]);
  return { url: urls[0] as string, stop };
}
