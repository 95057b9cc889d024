/**
 * Raw bytes to a server on 127.0.0.1, for requests no HTTP client sends (CONNECT, a malformed or
 * unknown method, a bad request line): returns everything the server wrote before it closed the
 * connection, or what it had written after `timeoutMs`. Shared by the Jest and browser suites.
 */
import { connect } from 'node:net';

export function rawHttp(port: number, request: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('latin1');
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', reject);
  });
}
