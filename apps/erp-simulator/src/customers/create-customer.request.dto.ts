import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

const COUNTRY = /^[A-Z]{2}$/;
const COUNTRY_MESSAGE = '$property must be an ISO 3166-1 alpha-2 country code such as DE';

export class PostalAddressRequest {
  @ApiProperty({ example: 'Hauptstr. 1' }) @IsString() @Length(1, 200) street!: string;
  @ApiProperty({ example: 'Berlin' }) @IsString() @Length(1, 100) city!: string;
  @ApiProperty({ example: '10115' }) @IsString() @Length(1, 20) postalCode!: string;
  @ApiProperty({ example: 'DE' }) @Matches(COUNTRY, { message: COUNTRY_MESSAGE }) country!: string;
}

/** `POST /customers` */
export class CreateCustomerRequest {
  @ApiProperty({ example: 'ACME GmbH' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'buyer@acme.example' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: 'DE' })
  @Matches(COUNTRY, { message: COUNTRY_MESSAGE })
  country!: string;

  @ApiPropertyOptional({ example: 'DE123456789' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  vatId?: string;

  @ApiPropertyOptional({ type: PostalAddressRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddressRequest)
  address?: PostalAddressRequest;

  @ApiProperty({ description: 'The Switchboard customer id', example: '8f1c2d3e-0000-4000-8000-000000000001' })
  @IsString()
  @Length(1, 100)
  externalRef!: string;
}
