import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ResourceIdParam } from '@switchboard/observability';
import type { ServerResponse } from 'node:http';
import { ContractResponse } from './contract.dto';
import { ContractsService } from './contracts.service';

@ApiTags('contracts')
@Controller('contracts')
export class ContractsHttpController {
  constructor(private readonly contracts: ContractsService) {}

  @Get(':id')
  @ApiOkResponse({ type: ContractResponse })
  @ApiNotFoundResponse()
  get(@Param() { id }: ResourceIdParam): Promise<ContractResponse> {
    return this.contracts.get(id);
  }

  /** The signed contract as a PDF: the same bytes on every download, ETag = their sha256. */
  @Get(':id/document')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Not signed yet' })
  async document(@Param() { id }: ResourceIdParam, @Res() response: ServerResponse): Promise<void> {
    const { bytes, sha256 } = await this.contracts.document(id);
    response
      .writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename="${id}.pdf"`,
        ETag: `"${sha256}"`,
      })
      .end(bytes);
  }
}
