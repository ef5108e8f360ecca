import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { comparePositions } from '@switchboard/event-sourcing';
import { quietLogger, waitFor } from '@switchboard/testing';
import { IntegrationEventRelay } from '../src';
import {
  appendCustomers,
  checkpointOf,
  consumeAll,
  createRelayTestEnv,
  crmMapper,
  RELAY_PROCESSOR,
  storedCount,
  storedMessages,
  type RelayTestEnv,
} from './support/relay-env';

const workspaceRoot = join(__dirname, '../../../..');

/** The relay in its own process, which the test can SIGKILL. */
function spawnRelay(env: RelayTestEnv, extraEnv: Record<string, string> = {}): { child: ChildProcess; output: string[]; exited: Promise<unknown> } {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, 'support/relay-process.ts'), env.db.schema, env.nats.namespace],
    {
      cwd: workspaceRoot,
      env: { ...process.env, SWC_NODE_PROJECT: join(workspaceRoot, 'tsconfig.base.json'), ...extraEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
  return { child, output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

describe('IntegrationEventRelay crashes between publish and checkpoint', () => {
  let env: RelayTestEnv;
  let child: ChildProcess | undefined;
  let relay: IntegrationEventRelay | undefined;

  beforeEach(async () => {
    env = await createRelayTestEnv();
  });

  afterEach(async () => {
    child?.kill('SIGKILL');
    child = undefined;
    await relay?.stop();
    relay = undefined;
    await env.close();
  });

  const runToEnd = async () => {
    relay = new IntegrationEventRelay({
      service: 'crm',
      processorId: RELAY_PROCESSOR,
      eventStore: env.eventStore,
      checkpoints: env.checkpoints,
      connection: env.connection,
      map: crmMapper,
      logger: quietLogger,
    });
    relay.start();
    await waitFor(async () => (await relay!.status()).caughtUp, { what: 'the restarted relay to catch up', timeoutMs: 30_000 });
    return relay.status();
  };

  it('loses nothing and stores nothing twice when killed after publishing events it had not checkpointed', async () => {
    const before = await appendCustomers(env, 100, { prefix: 'a' });
    const relayProcess = spawnRelay(env, { RELAY_HANG_AFTER_CHECKPOINTS: '1' });
    child = relayProcess.child;
    await waitFor(async () => (await checkpointOf(env)) !== null, { what: 'the first checkpoint', timeoutMs: 20_000 });
    const after = await appendCustomers(env, 200, { prefix: 'b' });

    // Everything published, the checkpoint stuck before the end: then the process dies.
    await waitFor(async () => (await storedCount(env)) === 300, { what: 'every event in JetStream', timeoutMs: 20_000 });
    await waitFor(() => relayProcess.output.includes('checkpoint-hung'), { what: 'the stuck checkpoint write' });
    const killedAt = await checkpointOf(env);
    expect(killedAt).not.toBeNull();
    expect(comparePositions(killedAt!, (await env.eventStore.headPosition())!)).toBeLessThan(0);
    child.kill('SIGKILL');
    await relayProcess.exited;

    const status = await runToEnd();

    // The restarted relay published again what it had not checkpointed; JetStream dropped the repeats.
    expect(status.published).toBeGreaterThanOrEqual(200);
    const stored = await storedMessages(env);
    expect(stored).toHaveLength(300);
    expect(stored.map((m) => m.id).sort()).toEqual([...before, ...after].sort());
    const consumed = await consumeAll(env);
    expect(consumed).toHaveLength(300);
    expect(new Set(consumed).size).toBe(300);
  });

  it('loses nothing and stores nothing twice when killed at random moments while events keep coming', async () => {
    const ids: string[] = [];
    let appending = true;
    const appender = (async () => {
      for (let round = 0; appending; round++) ids.push(...(await appendCustomers(env, 20, { prefix: `r${round}-`, parallel: 4 })));
    })();

    for (let kill = 0; kill < 4; kill++) {
      const relayProcess = spawnRelay(env);
      child = relayProcess.child;
      await waitFor(() => relayProcess.output.includes('running'), { what: 'the relay process to start', timeoutMs: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
      child.kill('SIGKILL');
      await relayProcess.exited;
    }
    appending = false;
    await appender;

    await runToEnd();

    const stored = await storedMessages(env);
    expect(ids.length).toBeGreaterThan(0);
    expect(stored.map((m) => m.id).sort()).toEqual([...ids].sort());
    const consumed = await consumeAll(env);
    expect(consumed.sort()).toEqual([...ids].sort());
  });
});
