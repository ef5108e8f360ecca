import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ResourceIdParam } from '@switchboard/observability';
import { MinPositionQuery, ReadYourWrites } from '@switchboard/projections';
import { CONTRACT_VIEW_PROJECTION } from '../../projections/contract-view/contract-view.projection';
import { ContractResponse } from '../contract.response';
import { GetContractQuery } from './get-contract.query';

@ApiTags('contracts')
@Controller('contracts')
export class GetContractHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A contract as the CLM reported it (drafted, signed) with its stored signed copy. 404 for an unknown id. */
  @Get(':id')
  @ReadYourWrites(CONTRACT_VIEW_PROJECTION)
  @ApiOkResponse({ type: ContractResponse })
  @ApiNotFoundResponse({ description: 'No such contract' })
  get(@Param() { id }: ResourceIdParam, @Query() _query: MinPositionQuery): Promise<ContractResponse> {
    return this.queryBus.execute(new GetContractQuery(id));
  }
}
