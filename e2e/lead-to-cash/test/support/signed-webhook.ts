import { getJson, type Json, type JsonResponse, type ServiceProcess } from '@switchboard/testing';
import { WebhookSigner } from '@switchboard/webhooks';

/** A delivery as a simulator's outbox recorded it (GET /admin/webhook-deliveries). */
export interface RecordedDelivery {
  readonly webhookId: string;
  readonly eventType: string;
  readonly status: string;
  readonly payload: Json;
}

/** The deliveries `simulator` recorded whose payload `matches`, oldest first. */
export async function recordedDeliveries(
  simulator: ServiceProcess,
  matches: (payload: Json) => boolean,
): Promise<RecordedDelivery[]> {
  const res = await getJson(`${simulator.api}/admin/webhook-deliveries?limit=500`);
  if (res.status !== 200) throw new Error(`webhook deliveries answered ${res.status}`);
  return (res.body as RecordedDelivery[]).filter((delivery) => matches(delivery.payload)).reverse();
}

/**
 * POSTs `payload` to `url` as the simulator would, signed with `secret` as delivery `webhookId`:
 * a redelivery (same id), the same change under another id, or one that overtook another.
 */
export async function deliverWebhook(
  url: string,
  secret: string,
  webhookId: string,
  payload: unknown,
  mode: 'sync' | 'async' = 'sync',
): Promise<JsonResponse> {
  const body = JSON.stringify(payload);
  const res = await fetch(`${url}?mode=${mode}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...new WebhookSigner(secret).sign(webhookId, body) },
    body,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text.length > 0 ? JSON.parse(text) : null };
}
