/** The fetched bytes do not hash to the ETag the CLM sent with them: a broken transfer, retried. */
export class SignedCopyCorrupted extends Error {
  constructor(clmContractId: string, etag: string, sha256: string) {
    super(`the document of CLM contract ${clmContractId} hashes to ${sha256}, not to its ETag ${etag}`);
    this.name = 'SignedCopyCorrupted';
  }
}
