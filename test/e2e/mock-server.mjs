// Prism's HTTP mock server on a spec, with request validation and security checks off: the e2e
// tests ask it for the documented error responses, and a request that a real client would send
// (credentials, a valid body) is not what they test. Response validation stays on.
// Usage: node mock-server.mjs <spec> <port>
import prismHttp from '@stoplight/prism-http';
import prismServer from '@stoplight/prism-http-server';
import prismCore from '@stoplight/prism-core';

const [spec, port] = process.argv.slice(2);
const operations = await prismHttp.getHttpOperationsFromSpec(spec);
const logger = prismCore.createLogger('e2e', { level: 'error' });
const server = prismServer.createServer(operations, {
  cors: false,
  config: { validateRequest: false, validateResponse: true, checkSecurity: false, errors: false, isProxy: false, mock: { dynamic: false } },
  components: { logger },
});
const address = await server.listen(Number(port), '127.0.0.1');
process.stdout.write(`Prism is listening on ${address}\n`);
