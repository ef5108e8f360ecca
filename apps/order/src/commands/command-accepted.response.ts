import { ApiProperty } from '@nestjs/swagger';

/** What every order command answers: the order and the position to read it at (`?minPosition=`). */
export class CommandAcceptedResponse {
  @ApiProperty({ example: '0b7c6a1e-4f0e-5a7e-9d3c-1f2e3d4c5b6a' })
  id!: string;

  @ApiProperty({ description: 'Pass as ?minPosition= to a GET to read your own write', example: '7341.12' })
  position!: string;
}
