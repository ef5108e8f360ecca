import { ApiProperty } from '@nestjs/swagger';
import { ContractResponse } from '../contract.response';

export class ContractList {
  @ApiProperty({ type: [ContractResponse], description: 'Oldest draft first' })
  items!: ContractResponse[];
}
