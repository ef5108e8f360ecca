import { Body, Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BaseConfig, bootstrapService, ObservabilityModule } from '@switchboard/observability';
import { createTestSchema, type TestSchema } from '@switchboard/testing';
import { IsInt, IsString, Min } from 'class-validator';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { IdempotencyKey, IdempotencyModule, idempotencyMigrations, idFromIdempotencyKey, KeepsIdempotencyKey } from '../src/index';

// A tiny service over real HTTP and PostgreSQL: counts what its handlers really did.
const applied: { id: string; name: string }[] = [];
let failuresLeft = 0;
let slowRelease: (() => void) | undefined;

class CreateThing {
  @IsString() name!: string;
  @IsInt() @Min(1) quantity!: number;
}

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() body: CreateThing, @IdempotencyKey() key: string | undefined) {
    const id = key ? idFromIdempotencyKey('thing', key) : `anon-${applied.length}`;
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error('the database went away');
    }
    applied.push({ id, name: body.name });
    return { id, count: applied.length };
  }

  @Post('slow')
  async slow(@Body() body: CreateThing) {
    await new Promise<void>((resolve) => (slowRelease = resolve));
    applied.push({ id: 'slow', name: body.name });
    return { done: true };
  }

  /** Keeps its keys itself (as a create that stores the key with its row would). */
  @Post('self-keyed')
  @KeepsIdempotencyKey()
  createSelfKeyed(@Body() body: CreateThing, @IdempotencyKey() key: string | undefined) {
    applied.push({ id: key ?? 'none', name: body.name });
    return { key };
  }

  @Post(':id/rename')
  @HttpCode(200)
  rename(@Param('id') id: string, @Body() body: CreateThing) {
    applied.push({ id, name: body.name });
    return { id, renamedTo: body.name };
  }
}

/** Stands for a webhook touchpoint: its own replay protection (webhook-id), its own responses. */
@Controller('webhooks')
class WebhookLikeController {
  @Post(':source')
  @HttpCode(202)
  receive(@Param('source') source: string, @Body() body: CreateThing) {
    applied.push({ id: `webhook-${source}`, name: body.name });
    return { received: true };
  }
}

describe('Idempotency-Key on POST', () => {
  let schema: TestSchema;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    schema = await createTestSchema('idem');
    process.env['LOG_LEVEL'] = 'fatal';
    process.env['SERVICE_NAME'] = 'idempotency-test';
    @Module({
      imports: [
        ObservabilityModule.forRoot({ config: BaseConfig }),
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: schema.connectionString,
          schema: schema.schema,
          migrations: idempotencyMigrations,
          migrationsRun: true,
          extra: { options: `-c search_path=${schema.schema}` },
        }),
        IdempotencyModule.forRoot({ staleAfterMs: 1_000 }),
      ],
      controllers: [ThingsController, WebhookLikeController],
    })
    class TestAppModule {}
    app = await bootstrapService({
      name: 'idempotency-test',
      module: TestAppModule,
      configClass: BaseConfig,
      port: 0,
      openApi: false,
    });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api/v1`;
  });

  afterAll(async () => {
    await app?.close();
    await schema?.drop();
  });

  beforeEach(() => {
    applied.length = 0;
    failuresLeft = 0;
  });

  // Response bodies are asserted on, so their shape is whatever came back.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = (res: Response): Promise<any> => res.json();

  const post = (path: string, body: unknown, key?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
    });

  it('answers a repeated request with the first answer and applies it once', async () => {
    const first = await post('/things', { name: 'a', quantity: 1 }, 'k-repeat');
    const again = await post('/things', { quantity: 1, name: 'a' }, 'k-repeat');

    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(applied).toHaveLength(1);
  });

  it('replays with the status the route answers with', async () => {
    await post('/things/t-1/rename', { name: 'b', quantity: 1 }, 'k-rename');
    const again = await post('/things/t-1/rename', { name: 'b', quantity: 1 }, 'k-rename');

    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: 't-1', renamedTo: 'b' });
    expect(applied).toHaveLength(1);
  });

  it('refuses the same key with another body with a 422 naming the header', async () => {
    await post('/things', { name: 'a', quantity: 1 }, 'k-other-body');
    const res = await post('/things', { name: 'a', quantity: 2 }, 'k-other-body');
    const problem = await json(res);

    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(problem).toMatchObject({ code: 'idempotency.key-reused', details: { header: 'Idempotency-Key' } });
    expect(problem.detail).toContain('Idempotency-Key');
    expect(applied).toHaveLength(1);
  });

  it('treats the same key on another path as another request', async () => {
    await post('/things/t-1/rename', { name: 'c', quantity: 1 }, 'k-path');
    const res = await post('/things/t-2/rename', { name: 'c', quantity: 1 }, 'k-path');

    expect(res.status).toBe(200);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(applied.map((a) => a.id)).toEqual(['t-1', 't-2']);
  });

  it.each([
    ['empty', ''],
    ['longer than 255 characters', 'k'.repeat(256)],
  ])('refuses a key that is %s with a 400 naming the header', async (_why, key) => {
    const res = await post('/things', { name: 'a', quantity: 1 }, key);

    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(applied).toHaveLength(0);
  });

  it('answers 409 to a duplicate while the first request is still running, then replays its answer', async () => {
    const first = post('/things/slow', { name: 's', quantity: 1 }, 'k-slow');
    await waitUntil(() => slowRelease !== undefined);
    const duplicate = await post('/things/slow', { name: 's', quantity: 1 }, 'k-slow');
    slowRelease!();
    const firstRes = await first;
    const later = await post('/things/slow', { name: 's', quantity: 1 }, 'k-slow');

    expect(duplicate.status).toBe(409);
    expect(await json(duplicate)).toMatchObject({
      code: 'idempotency.key-in-progress',
      details: { header: 'Idempotency-Key' },
    });
    expect(firstRes.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(applied).toHaveLength(1);
  });

  it('releases the key when the request fails, so the retry runs', async () => {
    failuresLeft = 1;
    const failed = await post('/things', { name: 'f', quantity: 1 }, 'k-fail');
    const retry = await post('/things', { name: 'f', quantity: 1 }, 'k-fail');

    expect(failed.status).toBe(500);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(applied).toHaveLength(1);
  });

  it('releases the key when the body is invalid, so a corrected request with the same key runs', async () => {
    const invalid = await post('/things', { name: 'v', quantity: 0 }, 'k-invalid');
    const corrected = await post('/things', { name: 'v', quantity: 1 }, 'k-invalid');

    expect(invalid.status).toBe(400);
    expect(corrected.status).toBe(201);
  });

  it('lets a retry take over the key of a request that died before storing its answer, with the same derived id', async () => {
    // The state a crash leaves: the pending row of a request whose process was killed.
    const dataSource = app.get(DataSource);
    const hash = (await import('../src/index')).requestHash({ name: 'x', quantity: 1 });
    await dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status) VALUES ($1, $2, $3, 'pending')`,
      ['POST /api/v1/things', 'k-crash', hash],
    );
    const whileFresh = await post('/things', { name: 'x', quantity: 1 }, 'k-crash');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const afterStale = await post('/things', { name: 'x', quantity: 1 }, 'k-crash');

    expect(whileFresh.status).toBe(409);
    expect(afterStale.status).toBe(201);
    expect((await json(afterStale)).id).toBe(idFromIdempotencyKey('thing', 'k-crash'));
  });

  it('leaves webhook touchpoints alone, which answer replays by their webhook-id', async () => {
    const root = base.replace(/\/api\/v1$/, '');
    const send = () =>
      fetch(`${root}/webhooks/erp`, {
        method: 'POST',
        body: JSON.stringify({ name: 'w', quantity: 1 }),
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k-webhook' },
      });

    const [first, second] = [await send(), await send()];

    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(applied).toHaveLength(2);
  });

  it('leaves a route that keeps its keys itself to its handler: no claim, no stored answer, a malformed key still a 400', async () => {
    const dataSource = app.get(DataSource);
    const first = await post('/things/self-keyed', { name: 'k', quantity: 1 }, 'k-self');
    const again = await post('/things/self-keyed', { name: 'k', quantity: 1 }, 'k-self');
    const malformed = await post('/things/self-keyed', { name: 'k', quantity: 1 }, '');

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(applied).toEqual([{ id: 'k-self', name: 'k' }, { id: 'k-self', name: 'k' }]);
    expect(await dataSource.query(`SELECT key FROM idempotency_keys WHERE key = 'k-self'`)).toEqual([]);
    expect(malformed.status).toBe(400);
    expect((await json(malformed)).errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('changes nothing for a POST without a key', async () => {
    await post('/things', { name: 'n', quantity: 1 });
    await post('/things', { name: 'n', quantity: 1 });

    expect(applied).toHaveLength(2);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition not met');
}
