import { getJson, postJson } from '@switchboard/testing';
import { randomUUID } from 'node:crypto';
import type { CrmApp } from './crm-app';

export function prospectBody(change: object = {}) {
  const tag = randomUUID().slice(0, 8);
  return { name: `ACME ${tag} GmbH`, email: `buyer-${tag}@acme.example`, country: 'DE', ...change };
}

/** Registers a prospect over HTTP; resolves to its id and the position of the write. */
export async function registerProspect(crm: CrmApp, change: object = {}): Promise<{ id: string; position: string }> {
  const res = await postJson(`${crm.api}/customers`, prospectBody(change));
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A registered and won customer, visible in the 360 view. */
export async function wonCustomer(crm: CrmApp): Promise<string> {
  const { id } = await registerProspect(crm);
  const won = await postJson(`${crm.api}/customers/${id}/win`);
  await getJson(`${crm.api}/customers/${id}?minPosition=${won.body.position}`);
  return id;
}
