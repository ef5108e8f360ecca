import { Controller, Get, Headers, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ResourceIdParam } from '@switchboard/observability';
import type { ServerResponse } from 'node:http';
import { DocumentStore } from '../../documents/document-store';

/** `"<sha256>"` (strong), also matched weakly (`W/"…"`) and in a list, as RFC 9110 If-None-Match allows. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

@ApiTags('documents')
@Controller('documents')
export class GetDocumentHttpController {
  constructor(private readonly documents: DocumentStore) {}

  /** A stored document (a contract's signed copy) as it was fetched: same bytes, ETag = its sha256. */
  @Get(':id')
  @ApiProduces('application/pdf')
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag already held: answered 304 without the body' })
  @ApiOkResponse({ description: 'The document', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'Not modified' })
  @ApiNotFoundResponse({ description: 'No such document' })
  async get(@Param() { id }: ResourceIdParam, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() response: ServerResponse): Promise<void> {
    const metadata = await this.documents.findMetadata(id);
    if (!metadata) throw new NotFoundException(`document ${id} does not exist`);
    const etag = `"${metadata.sha256}"`;
    // Content-addressed: the bytes under an id never change, so caches may keep them forever.
    const headers = { ETag: etag, 'Cache-Control': 'private, max-age=31536000, immutable' };
    if (matchesEtag(ifNoneMatch, etag)) {
      response.writeHead(304, headers).end();
      return;
    }
    const document = await this.documents.find(id);
    if (!document) throw new NotFoundException(`document ${id} does not exist`);
    response
      .writeHead(200, {
        ...headers,
        'Content-Type': document.contentType,
        'Content-Length': String(document.content.length),
        'Content-Disposition': `attachment; filename="${document.sha256}${document.contentType === 'application/pdf' ? '.pdf' : ''}"`,
      })
      .end(document.content);
  }
}
