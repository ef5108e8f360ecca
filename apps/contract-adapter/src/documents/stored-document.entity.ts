import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stored document, content-addressed: its key is the sha256 of its bytes. */
@Entity({ name: 'documents' })
export class StoredDocument {
  /** Lower-case hex SHA-256 of `content`: the document id. */
  @PrimaryColumn({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ name: 'stored_at', type: 'timestamptz', precision: 3 })
  storedAt!: Date;
}
