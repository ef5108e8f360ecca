import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MinPositionQuery, ReadYourWrites } from '@switchboard/projections';
import { ResourceIdParam } from '@switchboard/observability';
import { CONTRACT_RECORD_PROJECTION } from '../../projections/contract-record/contract-record.projection';
import { ContractResponse } from '../contract.response';
import { GetContractQuery } from './get-contract.query';

@ApiTags('contracts')
@Controller('contracts')
export class GetContractHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** One contract record with its state and signed copy. 404 for an unknown id. */
  @Get(':id')
  @ReadYourWrites(CONTRACT_RECORD_PROJECTION)
  @ApiOkResponse({ type: ContractResponse })
  get(@Param() { id }: ResourceIdParam, @Query() _query: MinPositionQuery): Promise<ContractResponse> {
    return this.queryBus.execute(new GetContractQuery(id));
  }
}
