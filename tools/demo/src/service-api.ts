import { DemoFailure } from './demo-failure';

/** A request that hangs this long means the service is stuck, not slow. */
const REQUEST_TIMEOUT_MS = 10_000;

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly bytes: Buffer;
}

/** One service's public HTTP API, seen from outside: every failure names the service and the URL. */
export class ServiceApi {
  /** `<origin>/api/v1` */
  readonly api: string;

  constructor(
    readonly label: string,
    readonly origin: string,
  ) {
    this.api = `${origin}/api/v1`;
  }

  /** The JSON answer of `POST <api><path>`, which must answer `status`. */
  async post<T>(path: string, body: unknown, status: number): Promise<T> {
    const answer = await this.send('POST', `${this.api}${path}`, body);
    if (answer.status !== status) throw this.unexpected('POST', `${this.api}${path}`, answer);
    return JSON.parse(answer.text) as T;
  }

  /** `POST <api><path>` whatever it answers, for the caller to tell a refusal worth retrying from a failure. */
  async tryPost(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
    const answer = await this.send('POST', `${this.api}${path}`, body);
    return { status: answer.status, body: answer.text.length > 0 ? JSON.parse(answer.text) : null };
  }

  /** `GET <api><path>`: its JSON on 200, undefined while it is not there yet (404, 503), else a failure. */
  async find<T>(path: string): Promise<T | undefined> {
    const answer = await this.send('GET', `${this.api}${path}`);
    if (answer.status === 200) return JSON.parse(answer.text) as T;
    if (answer.status === 404 || answer.status === 503) return undefined;
    throw this.unexpected('GET', `${this.api}${path}`, answer);
  }

  /** The bytes at `url` (a document this service serves), which must answer 200. */
  async download(url: string): Promise<Buffer> {
    const answer = await this.send('GET', url);
    if (answer.status !== 200) throw this.unexpected('GET', url, answer);
    return answer.bytes;
  }

  /** Whether `/health/ready` answers 200; a 503 (still starting, or a dependency down) is false. */
  async ready(): Promise<boolean> {
    const answer = await this.send('GET', `${this.origin}/health/ready`);
    if (answer.status === 200 || answer.status === 503) return answer.status === 200;
    throw this.unexpected('GET', `${this.origin}/health/ready`, answer);
  }

  private async send(method: string, url: string, body?: unknown): Promise<Answer> {
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new DemoFailure(
          `${this.label} did not answer ${method} ${url} within ${REQUEST_TIMEOUT_MS} ms`,
        );
      }
      throw new DemoFailure(`${this.label} is not reachable at ${this.origin} — is \`npm start\` running?`);
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, bytes, text: bytes.toString('utf8') };
  }

  private unexpected(method: string, url: string, answer: Answer): DemoFailure {
    return new DemoFailure(
      `${this.label} answered ${answer.status} to ${method} ${url}: ${answer.text.slice(0, 500)}`,
    );
  }
}
