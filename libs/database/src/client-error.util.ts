import { maxHeaderSize, type Server } from 'node:http';
import type { Socket } from 'node:net';

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** The status and message for a request Node could not read as HTTP, by the parser's error code. */
function clientErrorAnswer(code: string | undefined): { status: number; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      message: `the request line and headers are larger than the ${maxHeaderSize / 1024} KB read: ask for fewer values at a time (fewer codes in one request)`,
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, message: 'the request did not arrive in time' };
  return { status: 400, message: 'the request is not valid HTTP' };
}

/**
 * Node answers a request it cannot read (above all a request line past its 16 KB of headers, which a
 * long list of codes reaches) with a bare status and no body; this answers as every other refusal of
 * the suite does, JSON with a message.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // Node's own test: a response already under way on this connection is not interrupted.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, message } = clientErrorAnswer(error.code);
    const body = JSON.stringify({ statusCode: status, error: REASONS[status], message });
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
