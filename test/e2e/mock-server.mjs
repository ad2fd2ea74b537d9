// Prism's HTTP mock server on a spec, with request validation and security checks off: the e2e
// tests ask it for the documented error responses, and a request that a real client would send
// (credentials, a valid body) is not what they test. Response validation stays on.
// Usage: node mock-server.mjs <spec> <port> [<spec> <port> ...]: one process serves each spec on
// its port (Prism loads once, which is most of its start).
import prismHttp from '@stoplight/prism-http';
import prismServer from '@stoplight/prism-http-server';
import prismCore from '@stoplight/prism-core';

const args = process.argv.slice(2);
const logger = prismCore.createLogger('e2e', { level: 'error' });
for (let i = 0; i + 1 < args.length; i += 2) {
  const operations = await prismHttp.getHttpOperationsFromSpec(args[i]);
  const server = prismServer.createServer(operations, {
    cors: false,
    config: { validateRequest: false, validateResponse: true, checkSecurity: false, errors: false, isProxy: false, mock: { dynamic: false } },
    components: { logger },
  });
  await server.listen(Number(args[i + 1]), '127.0.0.1');
}
process.stdout.write('Prism is listening\n');
