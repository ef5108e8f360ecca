/** Response bodies are asserted on, so their shape is whatever came back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Json;
}

type RequestHeaders = Record<string, string>;

/** The status, headers and parsed body; an empty body (a 204) is `null`. */
async function jsonOf(res: Response): Promise<JsonResponse> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text.length > 0 ? JSON.parse(text) : null };
}

async function send(method: string, url: string, body: unknown, headers: RequestHeaders): Promise<JsonResponse> {
  return jsonOf(
    await fetch(url, {
      method,
      // A string is sent as it is, so tests can send malformed JSON.
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    }),
  );
}

/** POSTs `body` as JSON (a string as it is); resolves to the status, headers and parsed JSON answer. */
export const postJson = (url: string, body: unknown = {}, headers: RequestHeaders = {}) => send('POST', url, body, headers);

/** The JSON answer of `POST url` when it is `status`; otherwise throws, naming what came back. */
export async function postExpecting(url: string, body: unknown, status: number, headers: RequestHeaders = {}): Promise<Json> {
  const res = await postJson(url, body, headers);
  if (res.status !== status) throw new Error(`POST ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** PATCHes `body` as JSON (a string as it is). */
export const patchJson = (url: string, body: unknown, headers: RequestHeaders = {}) => send('PATCH', url, body, headers);

/** GETs `url`; resolves to the status, headers and parsed JSON answer. */
export async function getJson(url: string): Promise<JsonResponse> {
  return jsonOf(await fetch(url));
}
