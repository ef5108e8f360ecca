import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Repository } from 'typeorm';
import { StoredDocument } from './stored-document.entity';

export type DocumentMetadata = Pick<StoredDocument, 'sha256' | 'contentType' | 'size' | 'storedAt'>;

/**
 * Documents in the service's PostgreSQL schema, addressed by the sha256 of their bytes: storing
 * the same bytes again (a redelivery, another contract with the same PDF) changes nothing.
 */
@Injectable()
export class DocumentStore {
  constructor(@InjectRepository(StoredDocument) private readonly documents: Repository<StoredDocument>) {}

  static sha256(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** Stores the bytes (a no-op when they are stored already) and answers what is stored under their hash. */
  async store(content: Buffer, contentType: string, storedAt = new Date()): Promise<DocumentMetadata> {
    const sha256 = DocumentStore.sha256(content);
    await this.documents
      .createQueryBuilder()
      .insert()
      .values({ sha256, content, contentType, size: content.length, storedAt })
      .orIgnore()
      .execute();
    return this.documents.findOneOrFail({ where: { sha256 }, select: { sha256: true, contentType: true, size: true, storedAt: true } });
  }

  /** The document with its bytes, or null. */
  find(sha256: string): Promise<StoredDocument | null> {
    return this.documents.findOneBy({ sha256 });
  }

  /** Without the bytes: for a conditional request answered 304. */
  findMetadata(sha256: string): Promise<DocumentMetadata | null> {
    return this.documents.findOne({ where: { sha256 }, select: { sha256: true, contentType: true, size: true, storedAt: true } });
  }
}
