/** A failure the demo explains in one sentence (what was expected, from which service, at which URL). */
export class DemoFailure extends Error {
  override readonly name = 'DemoFailure';
}
