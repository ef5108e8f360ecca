import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResourceIdParam } from '@switchboard/observability';
import { ContractResponse, DraftContractRequest, SignContractRequest } from './contract.dto';
import { ContractsService } from './contracts.service';

/** Drives contracts as the CLM's users would: draft one for a customer, have it signed. */
@ApiTags('admin')
@Controller('admin/contracts')
export class ContractsAdminHttpController {
  constructor(private readonly contracts: ContractsService) {}

  @Post()
  @ApiOperation({ summary: 'Draft a contract for a CLM customer (webhook contract.drafted)' })
  @ApiCreatedResponse({ type: ContractResponse })
  @ApiNotFoundResponse({ description: 'Unknown CLM customer' })
  draft(@Body() request: DraftContractRequest): Promise<ContractResponse> {
    return this.contracts.draft(request);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign the contract (webhook contract.signed); signing it again changes nothing' })
  @ApiOkResponse({ type: ContractResponse })
  @ApiNotFoundResponse()
  sign(@Param() { id }: ResourceIdParam, @Body() request: SignContractRequest): Promise<ContractResponse> {
    return this.contracts.sign(id, request.signedBy);
  }
}
