import { createServer } from 'node:http';

export function start(port: number) {
  return createServer((_req, res) => res.end('ok')).listen(port);
}
