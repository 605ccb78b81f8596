import { currentKey } from './key.js';

/** A refusal from the API, worded from its problem details (RFC 9457) for a person to read. */
export class ProblemError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.name = 'ProblemError';
    this.status = status;
    this.problem = problem;
  }
}

function describe(status, problem) {
  const title = problem?.title ?? `The service answered ${status}`;
  const field = problem?.field ? ` (field: ${problem.field})` : '';
  return problem?.detail ? `${status} ${title}: ${problem.detail}${field}` : `${status} ${title}${field}`;
}

/** Calls the API with the key; answers the response when it succeeded, throws a ProblemError when it did not. */
export async function request(path, { method = 'GET', headers = {}, body, signal } = {}) {
  const key = currentKey();
  const response = await fetch(path, {
    method,
    body,
    signal,
    headers: { ...headers, ...(key ? { 'X-Api-Key': key } : {}) },
  });
  if (!response.ok) {
    const type = response.headers.get('Content-Type') ?? '';
    const problem = type.includes('json') ? await response.json().catch(() => null) : null;
    throw new ProblemError(response.status, problem);
  }
  return response;
}

export async function getJson(path, options = {}) {
  return (await request(path, { ...options, headers: { Accept: 'application/json', ...options.headers } })).json();
}

export async function postJson(path, value, options = {}) {
  const response = await request(path, {
    ...options,
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: value === undefined ? undefined : JSON.stringify(value),
  });
  return response.json();
}

/** Posts a multipart form (a file with its settings); answers the JSON the service sent back. */
export async function postForm(path, data, options = {}) {
  const response = await request(path, { ...options, method: 'POST', headers: { Accept: 'application/json' }, body: data });
  return response.json();
}

/**
 * Follows a text/event-stream with the key in a header, which EventSource cannot send: reads the body as it
 * arrives and hands each event ({type, id, data}) to onEvent. Returns when the server ends the stream.
 */
export async function followEvents(path, { lastEventId, signal, onEvent }) {
  const headers = { Accept: 'text/event-stream' };
  if (lastEventId) {
    headers['Last-Event-ID'] = String(lastEventId);
  }
  const response = await request(path, { headers, signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = parseEvent(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (event) {
        onEvent(event);
      }
    }
  }
}

// One frame of the event-stream format; comments (the server's heartbeats) carry no data and are skipped.
function parseEvent(frame) {
  let type = 'message';
  let id = null;
  const data = [];
  for (const line of frame.split('\n')) {
    if (line === '' || line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      type = value;
    } else if (field === 'data') {
      data.push(value);
    } else if (field === 'id') {
      id = value;
    }
  }
  return data.length ? { type, id, data: JSON.parse(data.join('\n')) } : null;
}
