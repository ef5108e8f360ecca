import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length } from 'class-validator';

/** `POST /customers` */
export class CreateClmCustomerRequest {
  @ApiProperty({ example: 'ACME GmbH' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'legal@acme.example' })
  @IsEmail()
  email!: string;

  @ApiProperty({ description: 'The Switchboard customer id' })
  @IsString()
  @Length(1, 100)
  externalRef!: string;
}

export class ClmCustomerResponse {
  @ApiProperty({ example: 'CC-100001' }) clmCustomerId!: string;
  @ApiProperty() externalRef!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
