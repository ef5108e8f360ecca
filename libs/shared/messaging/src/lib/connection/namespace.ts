/**
 * Isolation of tests (and of anything else that must share a NATS server): with a namespace
 * `t1a2b`, stream `CRM` becomes `T1A2B_CRM` and subject `crm.customer.won` becomes
 * `t1a2b.crm.customer.won`. Handlers and patterns keep using the plain subject; only the wire
 * names change. Production runs without a namespace, so wire names are the plain names.
 */
export class Namespace {
  private readonly prefix: string;

  constructor(readonly name?: string) {
    if (name !== undefined && !/^[a-z][a-z0-9]*$/.test(name)) {
      throw new Error(`invalid messaging namespace "${name}": use lower-case letters and digits, starting with a letter`);
    }
    this.prefix = name ? `${name}.` : '';
  }

  /** `CRM` → `T1A2B_CRM`. */
  stream(name: string): string {
    return this.name ? `${this.name.toUpperCase()}_${name}` : name;
  }

  /** `crm.customer.won` → `t1a2b.crm.customer.won` (patterns too: `crm.>` → `t1a2b.crm.>`). */
  subject(subject: string): string {
    return `${this.prefix}${subject}`;
  }

  /** The inverse of {@link subject}: `t1a2b.crm.customer.won` → `crm.customer.won`. */
  unwrapSubject(wireSubject: string): string {
    if (!wireSubject.startsWith(this.prefix)) {
      throw new Error(`subject "${wireSubject}" is outside namespace "${this.name}"`);
    }
    return wireSubject.slice(this.prefix.length);
  }
}
