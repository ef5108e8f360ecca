import { ApiProperty } from '@nestjs/swagger';
import { OrderResponse } from '../order.response';

export class OrderPage {
  @ApiProperty({ type: [OrderResponse], description: 'Newest first' })
  items!: OrderResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page' })
  nextCursor!: string | null;
}
