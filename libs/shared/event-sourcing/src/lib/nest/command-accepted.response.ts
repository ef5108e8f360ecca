import { ApiProperty } from '@nestjs/swagger';

/**
 * What a command endpoint answers: the id of the aggregate it wrote and the position of the write
 * (CommandExecutor's `position`), which a client passes as `?minPosition=` to read its own write.
 */
export class CommandAcceptedResponse {
  @ApiProperty({ example: '0b7c6a1e-4f0e-5a7e-9d3c-1f2e3d4c5b6a' })
  id!: string;

  @ApiProperty({ description: 'Pass as ?minPosition= to a GET to read your own write', example: '7341.12' })
  position!: string;
}
