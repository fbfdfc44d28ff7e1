import { Client, createClient, FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for a server's /graphql, authenticated when a token is given; never retries. */
export function liveClient(url: string, token?: string): Client {
  return createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** One subscription: read its messages one at a time, or the error that ended it. */
export interface LiveSubscription {
  next(): Promise<FormattedExecutionResult<Record<string, any>, unknown>>;
  /** The errors the server answered instead of a stream (validation, caps, bad ids). */
  failure(): Promise<readonly { message: string; extensions?: Record<string, unknown> }[]>;
  close(): void;
}

export function subscribe(client: Client, query: string, variables?: Record<string, unknown>): LiveSubscription {
  const messages: FormattedExecutionResult<Record<string, any>, unknown>[] = [];
  const waiting: ((message: FormattedExecutionResult<Record<string, any>, unknown>) => void)[] = [];
  let failed: (errors: readonly any[]) => void;
  const failure = new Promise<readonly any[]>((resolve) => (failed = resolve));
  const close = client.subscribe<Record<string, any>>({ query, variables }, {
    next: (message) => {
      if (message.errors && !message.data) failed(message.errors);
      const reader = waiting.shift();
      if (reader) reader(message);
      else messages.push(message);
    },
    error: (error) => failed(Array.isArray(error) ? error : [{ message: String((error as { reason?: string }).reason ?? error) }]),
    complete: () => undefined,
  });
  return {
    next: () => {
      const ready = messages.shift();
      return ready ? Promise.resolve(ready) : new Promise((resolve) => waiting.push(resolve));
    },
    failure: () => failure,
    close,
  };
}

/** A bare graphql-transport-ws socket: what the server says at the protocol level, close codes included. */
export async function rawConnection(url: string, payload: Record<string, unknown> = {}) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const acknowledged = new Promise<boolean>((resolve) => {
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve(true);
    });
    void closed.then(() => resolve(false));
  });
  await new Promise<void>((resolve) => {
    socket.once('open', () => resolve());
    socket.once('close', () => resolve());
  });
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'connection_init', payload }));
  return { socket, acknowledged, closed, close: () => socket.close(1000) };
}
