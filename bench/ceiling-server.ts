/**
 * The throughput ceiling: a plain Node `http` server that answers every request with the same
 * bytes (the article page's HTML, read once from a file). Run as its own process by ceiling.ts:
 * `node --import tsx bench/ceiling-server.ts <file> <port>`.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [file, port] = process.argv.slice(2);
if (file === undefined || port === undefined) throw new Error('usage: ceiling-server.ts <file> <port>');
const body = readFileSync(file);
const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.byteLength) };

createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
}).listen(Number(port), '127.0.0.1', () => console.log('ready'));
