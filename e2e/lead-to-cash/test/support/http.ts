/** Response bodies are asserted on, so their shape is whatever came back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Json;
}

async function jsonOf(res: Response): Promise<JsonResponse> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text.length > 0 ? JSON.parse(text) : null };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  return jsonOf(await fetch(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }));
}

export async function getJson(url: string): Promise<JsonResponse> {
  return jsonOf(await fetch(url));
}
