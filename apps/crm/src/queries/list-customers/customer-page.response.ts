import { ApiProperty } from '@nestjs/swagger';

export class CustomerListItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['prospect', 'won'] }) status!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-2' }) country!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class CustomerPage {
  @ApiProperty({ type: [CustomerListItemResponse], description: 'Newest registration first' })
  items!: CustomerListItemResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page' })
  nextCursor!: string | null;
}
