import { ApiProperty } from '@nestjs/swagger';

/** GET /admin/held-requests: a request waiting out the injected latency. */
export class HeldRequestResponse {
  @ApiProperty({ example: 'POST' }) method!: string;
  @ApiProperty({ example: '/api/v1/sales-orders' }) path!: string;
  @ApiProperty({ format: 'date-time' }) heldSince!: string;
}
