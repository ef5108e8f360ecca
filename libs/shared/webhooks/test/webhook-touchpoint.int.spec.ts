import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { BaseConfig, bootstrapService, ObservabilityModule } from '@switchboard/observability';
import { createTestSchema, quietLogger, type TestSchema, waitFor } from '@switchboard/testing';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { deflateSync, gzipSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import {
  generateWebhookSecret,
  UnprocessableWebhook,
  WebhookInbox,
  WebhookModule,
  webhookMigrations,
  WebhookProcessor,
  WebhookSender,
  WebhookSigner,
  WebhookTouchpoints,
  WebhookVerifier,
  type ReceivedWebhook,
  type WebhookHandler,
} from '../src/index';

interface ErpChange {
  orderNo: string;
  /** How many tries fail before one succeeds (per order). */
  failTimes?: number;
  unprocessable?: boolean;
  slowMs?: number;
  /** Look, from other connections, for a transaction held while the handler runs. */
  probe?: boolean;
}

const [currentSecret, previousSecret] = [generateWebhookSecret(), generateWebhookSecret()];
const triesByOrder = new Map<string, number>();
const runsById = new Map<string, number>();
/** Set by the suite: `application_name` of the app's connections, and a pool of other connections. */
const probing: { appName: string; pool?: TestSchema['pool'] } = { appName: `webhooks-test-${process.pid}` };

/** What other connections see while a handler runs: can they lock its row, does any app session hold a transaction? */
async function probeTransactions(webhook: ReceivedWebhook) {
  const pool = probing.pool as TestSchema['pool'];
  const client = await pool.connect();
  let rowLockable: boolean;
  try {
    await client.query('BEGIN');
    rowLockable = await client
      .query('SELECT 1 FROM inbound_webhooks WHERE source = $1 AND webhook_id = $2 FOR UPDATE NOWAIT', [webhook.source, webhook.id])
      .then(({ rowCount }) => rowCount === 1, () => false);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
  const { rows } = await pool.query(
    `SELECT count(*)::int AS sessions FROM pg_stat_activity
     WHERE application_name = $1 AND (backend_xid IS NOT NULL OR state LIKE 'idle in transaction%')`,
    [probing.appName],
  );
  return { rowLockable, appSessionsInTransaction: rows[0].sessions };
}

/** The adapter's part: applies a change idempotently by webhook id, as tries may repeat. */
@Injectable()
class ErpChangeHandler implements WebhookHandler<ErpChange> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async handle(webhook: ReceivedWebhook<ErpChange>) {
    runsById.set(webhook.id, (runsById.get(webhook.id) ?? 0) + 1);
    const { orderNo, failTimes = 0, unprocessable, slowMs, probe } = webhook.payload;
    if (unprocessable) throw new UnprocessableWebhook(`unknown order ${orderNo}`);
    if (slowMs) await sleep(slowMs);
    const tries = (triesByOrder.get(orderNo) ?? 0) + 1;
    triesByOrder.set(orderNo, tries);
    if (tries <= failTimes) throw new Error(`ERP change ${orderNo} not applicable yet`);
    await this.dataSource.query('INSERT INTO applied_changes (webhook_id, order_no) VALUES ($1, $2) ON CONFLICT (webhook_id) DO NOTHING', [webhook.id, orderNo]);
    return { applied: orderNo, attempt: webhook.attempt, ...(probe ? { probe: await probeTransactions(webhook) } : {}) };
  }
}

describe('POST /webhooks/<source> over real HTTP and PostgreSQL', () => {
  let schema: TestSchema;
  let app: INestApplication;
  let base: string;
  let inbox: WebhookInbox;
  let seq = 0;

  beforeAll(async () => {
    schema = await createTestSchema('webhooks');
    await schema.pool.query('CREATE TABLE applied_changes (webhook_id text PRIMARY KEY, order_no text NOT NULL)');
    probing.pool = schema.pool;
    process.env['LOG_LEVEL'] = 'fatal';
    @Module({
      imports: [
        ObservabilityModule.forRoot({ config: BaseConfig }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: schema.connectionString,
          migrations: webhookMigrations,
          migrationsRun: true,
          applicationName: probing.appName,
          extra: { options: `-c search_path=${schema.schema}` },
        }),
        WebhookModule.forRoot({ processor: { pollIntervalMs: 50, baseDelayMs: 20, maxDelayMs: 50, maxAttempts: 3, syncLeaseMs: 60_000 } }),
        WebhookModule.forFeature({ source: 'erp', handler: ErpChangeHandler, secrets: () => `${currentSecret} ${previousSecret}`, maxBodyBytes: 4_096, ignoredTypes: ['order.created'] }),
      ],
    })
    class TestAppModule {}
    app = await bootstrapService({ name: 'webhooks-test', module: TestAppModule, configClass: BaseConfig, port: 0, openApi: false });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    inbox = app.get(WebhookInbox);
  });

  afterAll(async () => {
    await app?.close();
    await schema?.drop();
  });

  const newId = () => `msg_${process.pid}_${++seq}`;

  /** A delivery as the ERP sends it: signed over the uncompressed JSON, optionally compressed. */
  function deliver(
    payload: unknown,
    options: { id?: string; secret?: string; mode?: string; sentAt?: Date; encoding?: 'gzip' | 'deflate'; headers?: Record<string, string>; raw?: string } = {},
  ) {
    const json = options.raw ?? JSON.stringify(payload);
    const signed = new WebhookSigner(options.secret ?? currentSecret).sign(options.id ?? newId(), json, options.sentAt);
    const body = options.encoding === 'gzip' ? gzipSync(json) : options.encoding === 'deflate' ? deflateSync(json) : json;
    return fetch(`${base}/webhooks/erp${options.mode ? `?mode=${options.mode}` : ''}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...signed, ...(options.encoding ? { 'content-encoding': options.encoding } : {}), ...options.headers },
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = (res: Response): Promise<any> => res.json();
  const applied = async (orderNo: string) => Number((await schema.pool.query('SELECT count(*) FROM applied_changes WHERE order_no = $1', [orderNo])).rows[0].count);
  const row = async (id: string) => (await schema.pool.query('SELECT * FROM inbound_webhooks WHERE webhook_id = $1', [id])).rows[0];

  it('answers 202 once the delivery is stored, then applies it in the background', async () => {
    const id = newId();
    const res = await deliver({ orderNo: 'A-1' }, { id });

    expect(res.status).toBe(202);
    expect(await json(res)).toEqual({ webhookId: id, source: 'erp', status: 'accepted' });
    const processed = await waitFor(async () => ((await row(id))?.status === 'processed' ? row(id) : undefined), { what: 'the webhook processed' });
    expect(processed).toMatchObject({ source: 'erp', payload: { orderNo: 'A-1' }, result: { applied: 'A-1', attempt: 1 }, attempts: 1 });
    expect(await applied('A-1')).toBe(1);
  });

  it('answers 200 with the outcome in sync mode', async () => {
    const res = await deliver({ orderNo: 'S-1' }, { mode: 'sync' });

    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ source: 'erp', status: 'processed', result: { applied: 'S-1', attempt: 1 } });
    expect(await applied('S-1')).toBe(1);
  });

  it('answers 200 ignored to a type the touchpoint ignores, in either mode, storing and applying nothing', async () => {
    const [asyncId, syncId] = [newId(), newId()];
    const answers = [await deliver({ type: 'order.created', orderNo: 'I-1' }, { id: asyncId }), await deliver({ type: 'order.created', orderNo: 'I-1' }, { id: syncId, mode: 'sync' })];
    const forged = await deliver({ type: 'order.created', orderNo: 'I-1' }, { secret: generateWebhookSecret() });

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await json(answers[0])).toEqual({ webhookId: asyncId, source: 'erp', status: 'ignored' });
    expect(await json(answers[1])).toEqual({ webhookId: syncId, source: 'erp', status: 'ignored' });
    expect(forged.status).toBe(401);
    expect([await row(asyncId), await row(syncId)]).toEqual([undefined, undefined]);
    expect([runsById.get(asyncId), runsById.get(syncId), await applied('I-1')]).toEqual([undefined, undefined, 0]);
  });

  it('answers a replayed webhook-id as the first time and applies it once, in either mode', async () => {
    const asyncId = newId();
    const first = await deliver({ orderNo: 'R-1' }, { id: asyncId });
    await waitFor(async () => (await row(asyncId))?.status === 'processed');
    const again = await deliver({ orderNo: 'R-1' }, { id: asyncId });
    const syncId = newId();
    const firstSync = await deliver({ orderNo: 'R-2' }, { id: syncId, mode: 'sync' });
    const againSync = await deliver({ orderNo: 'R-2' }, { id: syncId, mode: 'sync' });

    expect([first.status, again.status]).toEqual([202, 202]);
    expect(await json(again)).toEqual(await json(first));
    expect([firstSync.status, againSync.status]).toEqual([200, 200]);
    expect(await json(againSync)).toEqual(await json(firstSync));
    expect([await applied('R-1'), await applied('R-2')]).toEqual([1, 1]);
  });

  it('runs the handler of concurrent sync deliveries of one webhook-id once and answers them all alike', async () => {
    const id = newId();
    const answers = await Promise.all(Array.from({ length: 6 }, () => deliver({ orderNo: 'C-1', slowMs: 150 }, { id, mode: 'sync' })));
    const asyncId = newId();
    const asyncAnswers = await Promise.all(Array.from({ length: 6 }, () => deliver({ orderNo: 'C-2' }, { id: asyncId })));
    await waitFor(async () => (await row(asyncId))?.status === 'processed');

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(await Promise.all(answers.map(async (a) => JSON.stringify(await json(a))))).size).toBe(1);
    expect(asyncAnswers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202, 202]);
    expect([runsById.get(id), runsById.get(asyncId)]).toEqual([1, 1]);
    expect([await applied('C-1'), await applied('C-2')]).toEqual([1, 1]);
  });

  it.each(['async', 'sync'])('runs the handler (%s) with no transaction open: another connection can lock its row meanwhile', async (mode) => {
    const id = newId();
    const res = await deliver({ orderNo: `N-${mode}`, probe: true }, { id, mode });

    const result = mode === 'sync' ? (await json(res)).result : (await waitFor(async () => ((await row(id))?.status === 'processed' ? row(id) : undefined))).result;
    expect(result.probe).toEqual({ rowLockable: true, appSessionsInTransaction: 0 });
  });

  it('applies a sync delivery whose request died through its replay, once the request\'s lease is over', async () => {
    const id = newId();
    // Stored and claimed as a sync request does, which then died without an outcome.
    await inbox.store({ source: 'erp', id, sentAt: new Date(), payload: { orderNo: 'W-1' } }, 'sync', 300);

    const replay = await deliver({ orderNo: 'W-1' }, { id, mode: 'sync' });

    expect(replay.status).toBe(200);
    // The request that died holding it counts as a try.
    expect(await json(replay)).toMatchObject({ status: 'processed', result: { applied: 'W-1', attempt: 2 } });
    expect(runsById.get(id)).toBe(1);
  });

  describe('leases of the workers', () => {
    const LEASE_MS = 300;

    /** A processor of its own beside the app's, for source `lease` (the app's workers leave it alone), with a handler the test plays. */
    function worker(handle: (webhook: ReceivedWebhook) => Promise<unknown>): WebhookProcessor {
      const touchpoints = new WebhookTouchpoints();
      touchpoints.register({ source: 'lease', handler: { handle }, verifier: new WebhookVerifier(currentSecret), maxBodyBytes: 4_096, defaultMode: 'async', ignoredTypes: new Set() });
      return new WebhookProcessor(inbox, touchpoints, { enabled: false, processingLeaseMs: LEASE_MS, maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 50 });
    }

    async function storedLeaseWebhook(): Promise<string> {
      const id = newId();
      await inbox.store({ source: 'lease', id, sentAt: new Date(), payload: { orderNo: id } }, 'async', 0);
      return id;
    }

    it('leaves the row of a worker that died mid-handler to another worker after the lease, which applies it and records the outcome once, the lost try counted', async () => {
      const id = await storedLeaseWebhook();
      const tries: string[] = [];
      const dying = worker(async ({ attempt }) => {
        tries.push(`dying ${attempt}`);
        return new Promise(() => undefined); // never returns: the worker died mid-handler
      });
      const survivor = worker(async ({ attempt }) => {
        tries.push(`survivor ${attempt}`);
        return { by: 'survivor' };
      });

      void dying.drain();
      await waitFor(() => tries.length === 1, { what: 'the dying worker in its handler' });
      expect(await survivor.drain()).toBe(0); // the lease holds
      await waitFor(async () => (await survivor.drain()) === 1, { what: 'the row taken over after the lease' });

      expect(tries).toEqual(['dying 1', 'survivor 2']);
      expect(await row(id)).toMatchObject({ status: 'processed', result: { by: 'survivor' }, attempts: 2, claim_token: null });
      expect(await survivor.drain()).toBe(0);
    });

    it('gives up on a delivery whose every try dies (maxAttempts of them) instead of taking it over forever', async () => {
      const id = await storedLeaseWebhook();
      let tries = 0;
      const killer = () =>
        worker(async () => {
          tries++;
          return new Promise(() => undefined); // each worker dies mid-handler
        });

      for (let i = 1; i <= 3; i++) {
        void killer().drain();
        await waitFor(() => tries === i, { what: `try ${i} in its handler` });
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 50));
      }
      expect(await worker(async () => ({ by: 'never' })).drain()).toBe(1);

      expect(tries).toBe(3);
      expect(await row(id)).toMatchObject({ status: 'dead', claim_token: null, last_error: expect.stringContaining('without an outcome') });
      expect((await inbox.dead({ source: 'lease' })).map((w) => w.webhookId)).toContain(id);
    });

    it.each([
      ['a success', async () => ({ by: 'stale' })],
      ['a failure', async () => Promise.reject(new Error('the stale try failed'))],
    ])('keeps the newer outcome when a worker whose lease ran out reports %s late', async (_, lateOutcome) => {
      const id = await storedLeaseWebhook();
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let staleRunning = false;
      const stale = worker(async () => {
        staleRunning = true;
        await released;
        return lateOutcome();
      });
      const newer = worker(async () => ({ by: 'newer' }));

      const staleDone = stale.drain();
      await waitFor(() => staleRunning, { what: 'the stale worker in its handler' });
      await waitFor(async () => (await newer.drain()) === 1, { what: 'the row taken over after the lease' });
      const settled = await row(id);
      release();

      expect(await staleDone).toBe(1);
      expect(settled).toMatchObject({ status: 'processed', result: { by: 'newer' }, attempts: 2 });
      expect(await row(id)).toEqual(settled);
    });
  });

  it.each([
    ['an unsigned request', { headers: { 'webhook-signature': '' } }],
    ['a request signed with an unknown secret', { secret: generateWebhookSecret() }],
    ['a request older than five minutes', { sentAt: new Date(Date.now() - 6 * 60_000) }],
    ['a request from the future', { sentAt: new Date(Date.now() + 6 * 60_000) }],
  ])('refuses %s with 401 problem+json and stores nothing', async (_, options) => {
    const id = newId();
    const res = await deliver({ orderNo: 'F-1' }, { id, ...options });

    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(res)).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(await row(id)).toBeUndefined();
    expect(await applied('F-1')).toBe(0);
  });

  it('refuses a body changed after signing', async () => {
    const id = newId();
    const signed = new WebhookSigner(currentSecret).sign(id, '{"orderNo":"T-1"}');
    const res = await fetch(`${base}/webhooks/erp`, { method: 'POST', body: '{"orderNo":"T-2"}', headers: { 'content-type': 'application/json', ...signed } });

    expect(res.status).toBe(401);
    expect(await row(id)).toBeUndefined();
  });

  it('accepts what the outbound WebhookSender delivers', async () => {
    const sender = new WebhookSender({ name: 'erp-simulator', logger: quietLogger });

    const res = await sender.send({ url: `${base}/webhooks/erp?mode=sync`, secret: currentSecret, id: newId(), payload: { orderNo: 'O-1' } });

    expect(res).toMatchObject({ status: 200, body: { status: 'processed', result: { applied: 'O-1' } } });
  });

  it('accepts a delivery signed with the previous secret during a rotation', async () => {
    expect((await deliver({ orderNo: 'K-1' }, { secret: previousSecret, mode: 'sync' })).status).toBe(200);
  });

  it.each(['gzip', 'deflate'] as const)('verifies and applies a %s-encoded body', async (encoding) => {
    const res = await deliver({ orderNo: `Z-${encoding}` }, { encoding, mode: 'sync' });

    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ result: { applied: `Z-${encoding}` } });
  });

  it('refuses a body over the touchpoint limit with 413, compressed or not', async () => {
    const big = { orderNo: 'B-1', note: 'x'.repeat(5_000) };

    const plain = await deliver(big);
    const zipped = await deliver(big, { encoding: 'gzip' });

    expect([plain.status, zipped.status]).toEqual([413, 413]);
    expect(plain.headers.get('content-type')).toContain('application/problem+json');
    expect(await applied('B-1')).toBe(0);
  });

  it('refuses a small gzip body that inflates past the parser limit (a zip bomb) with 413', async () => {
    const bomb = gzipSync(Buffer.from(`{"orderNo":"Q-1","pad":"${'0'.repeat(2_000_000)}"}`));
    const res = await fetch(`${base}/webhooks/erp`, {
      method: 'POST',
      body: bomb,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', ...new WebhookSigner(currentSecret).sign(newId(), 'x') },
    });

    expect(bomb.length).toBeLessThan(10_000);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 415 to a body that is not JSON and 406 to a client that accepts no JSON', async () => {
    const text = await deliver(undefined, { raw: 'orderNo=X-1', headers: { 'content-type': 'text/plain' } });
    const html = await deliver({ orderNo: 'X-2' }, { headers: { accept: 'text/html' } });
    const problem = await deliver({ orderNo: 'X-3' }, { headers: { accept: 'application/problem+json' }, mode: 'sync' });

    expect(text.status).toBe(415);
    expect(text.headers.get('content-type')).toContain('application/problem+json');
    expect(html.status).toBe(406);
    expect(problem.status).toBe(200);
    expect([await applied('X-1'), await applied('X-2')]).toEqual([0, 0]);
  });

  it('answers 404 for an unknown source and 400 naming mode for an unknown mode', async () => {
    const unknown = await fetch(`${base}/webhooks/crm`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    const badMode = await deliver({ orderNo: 'M-1' }, { mode: 'later' });

    expect(unknown.status).toBe(404);
    expect(badMode.status).toBe(400);
    expect(await json(badMode)).toMatchObject({ errors: [{ field: 'mode' }] });
  });

  it('retries a failing delivery with backoff until it applies, keeping only the successful try', async () => {
    const id = newId();
    await deliver({ orderNo: 'Y-1', failTimes: 2 }, { id });

    const done = await waitFor(async () => ((await row(id))?.status === 'processed' ? row(id) : undefined), { what: 'the retried webhook processed' });
    expect(done).toMatchObject({ attempts: 3, result: { applied: 'Y-1', attempt: 3 }, last_error: null });
    expect(await applied('Y-1')).toBe(1);
  });

  it('gives up after the last attempt, lists the delivery as dead, and applies it once an operator retries it', async () => {
    const id = newId();
    await deliver({ orderNo: 'D-1', failTimes: 3 }, { id });

    await waitFor(async () => (await row(id))?.status === 'dead', { what: 'the webhook dead' });
    const dead = await inbox.dead({ source: 'erp' });
    expect(dead.find((w) => w.webhookId === id)).toMatchObject({ attempts: 3, lastError: 'ERP change D-1 not applicable yet' });
    expect(await applied('D-1')).toBe(0);

    expect(await inbox.retryDead('erp', id)).toBe(true);
    await waitFor(async () => (await row(id))?.status === 'processed', { what: 'the retried dead webhook processed' });
    expect(await applied('D-1')).toBe(1);
  });

  it('answers an unprocessable sync delivery with 422, dead at once, and its replay alike', async () => {
    const id = newId();
    const first = await deliver({ orderNo: 'U-1', unprocessable: true }, { id, mode: 'sync' });
    const again = await deliver({ orderNo: 'U-1', unprocessable: true }, { id, mode: 'sync' });

    expect([first.status, again.status]).toEqual([422, 422]);
    expect(await json(again)).toMatchObject({ status: 422, detail: 'the webhook cannot be applied: unknown order U-1' });
    expect(await row(id)).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('answers a sync delivery whose handler fails with 503 and Retry-After, keeps it, and applies it later', async () => {
    const id = newId();
    const res = await deliver({ orderNo: 'P-1', failTimes: 1 }, { id, mode: 'sync' });

    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await row(id))?.status === 'processed', { what: 'the failed sync webhook processed in the background' });
    const replay = await deliver({ orderNo: 'P-1', failTimes: 1 }, { id, mode: 'sync' });
    expect(replay.status).toBe(200);
    expect(await json(replay)).toMatchObject({ result: { applied: 'P-1', attempt: 2 } });
    expect(await applied('P-1')).toBe(1);
  });
});
