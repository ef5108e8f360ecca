import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** `?externalRef=`: finds records by the Switchboard id they were created for. */
export class ExternalRefQuery {
  @ApiProperty({ description: 'The Switchboard id' })
  @IsString()
  @Length(1, 100)
  externalRef!: string;
}
