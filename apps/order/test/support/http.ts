/** Response bodies are asserted on, so their shape is whatever came back. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; body: Json }> {
  const res = await fetch(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export async function getJson(url: string): Promise<{ status: number; headers: Headers; body: Json }> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, body: await res.json() };
}
