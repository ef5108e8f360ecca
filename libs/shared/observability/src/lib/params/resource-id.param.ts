import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/**
 * The `{id}` of a resource route: `@Param() { id }: ResourceIdParam`. Ids are UUIDs or ids the
 * adapters report; anything outside URL-safe characters (a NUL byte, a 5 kB string) is a 400
 * naming `id` from the global ValidationPipe, never a trip to the event store or the database
 * (PostgreSQL refuses a NUL byte in text, which would surface as a 500).
 */
export class ResourceIdParam {
  @ApiProperty({ example: '3f6c1a52-9a0b-4d2e-8f1c-7b5e4d3c2a10', maxLength: 100 })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._~:-]{0,99}$/, { message: 'id must be 1 to 100 letters, digits or . _ ~ : - (starting with a letter or digit)' })
  id!: string;
}
