import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PostalAddressDto } from '../postal-address.request.dto';

export class RegisterProspectRequest {
  @ApiProperty({ example: 'ACME GmbH', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'buyer@acme.example', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2', example: 'DE' })
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as "DE"' })
  country!: string;

  @ApiPropertyOptional({ example: 'DE123456789', maxLength: 32 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  vatId?: string;

  @ApiPropertyOptional({ type: PostalAddressDto })
  @IsOptional()
  @IsObject({ message: 'address must be an object' })
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto;
}
