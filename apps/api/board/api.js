// The board talks to the same REST API as every other client: a bearer token from sessionStorage
// (pasted once per tab; no cookies, so there is no CSRF surface), JSON in and out.
const TOKEN_KEY = 'claimdesk.token';

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem?.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
    super(`${problem?.detail ?? problem?.title ?? `HTTP ${status}`}${fields ? ` (${fields})` : ''}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(method, path, body) {
  const headers = { Authorization: `Bearer ${token.get()}`, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body = {}) => api('POST', path, body);

/**
 * Follows `GET /events/stream` (Server-Sent Events) with fetch, since EventSource cannot send an
 * Authorization header. A lost connection calls onState('lost') and retries with backoff, sending
 * the last event id it saw (Last-Event-ID), so the server replays what was missed; onState('live')
 * once a stream is open again. A stream the server ends on purpose (after maxSeconds) reconnects
 * quietly.
 */
export function followEvents({ onEvent, onState }) {
  let lastId = null;
  let stopped = false;
  let controller = null;
  let failures = 0;

  async function connect() {
    controller = new AbortController();
    const headers = { Authorization: `Bearer ${token.get()}`, Accept: 'text/event-stream' };
    if (lastId !== null) headers['Last-Event-ID'] = lastId;
    const response = await fetch('/events/stream', { headers, signal: controller.signal, cache: 'no-store' });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
    failures = 0;
    onState('live');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message = { id: null, event: 'message', data: '' };
        for (const line of block.split('\n')) {
          const colon = line.indexOf(':');
          if (colon === 0) continue; // a comment: keep-alive
          const field = colon < 0 ? line : line.slice(0, colon);
          const val = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') message.id = val;
          else if (field === 'event') message.event = val;
          else if (field === 'data') message.data += val;
        }
        if (message.id !== null) lastId = message.id;
        if (message.data) onEvent(message.event, JSON.parse(message.data));
      }
    }
  }

  async function loop() {
    while (!stopped) {
      try {
        await connect();
      } catch (error) {
        if (stopped) return;
        if (error instanceof ApiError && error.status === 401) return onState('unauthorized');
        failures += 1;
        onState('lost');
      }
      if (stopped) return;
      await new Promise((resolve) => setTimeout(resolve, failures ? Math.min(10_000, 1000 * 2 ** (failures - 1)) : 0));
    }
  }

  void loop();
  return { stop: () => { stopped = true; controller?.abort(); }, get lastId() { return lastId; } };
}
