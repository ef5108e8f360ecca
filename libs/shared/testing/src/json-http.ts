/** Response bodies are asserted on, so their shape is whatever came back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Json;
}

type RequestHeaders = Record<string, string>;

async function send(method: string, url: string, body: unknown, headers: RequestHeaders): Promise<JsonResponse> {
  const res = await fetch(url, {
    method,
    // A string is sent as it is, so tests can send malformed JSON.
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** POSTs `body` as JSON (a string as it is); resolves to the status, headers and parsed JSON answer. */
export const postJson = (url: string, body: unknown = {}, headers: RequestHeaders = {}) => send('POST', url, body, headers);

/** PATCHes `body` as JSON (a string as it is). */
export const patchJson = (url: string, body: unknown, headers: RequestHeaders = {}) => send('PATCH', url, body, headers);

/** GETs `url`; resolves to the status, headers and parsed JSON answer. */
export async function getJson(url: string): Promise<JsonResponse> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, body: await res.json() };
}
