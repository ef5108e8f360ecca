import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { PostalAddressDto } from '../postal-address.request.dto';

const present = (field: string) => (body: Record<string, unknown>) => body[field] !== undefined;

/** JSON merge patch: an absent field stays as it is; `null` removes the VAT id or the address (name, email, country cannot be removed). */
export class ChangeCustomerDetailsRequest {
  @ApiPropertyOptional({ example: 'ACME Europe GmbH', maxLength: 200 })
  @ValidateIf(present('name'))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'purchasing@acme.example', maxLength: 254 })
  @ValidateIf(present('email'))
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2', example: 'AT' })
  @ValidateIf(present('country'))
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as "DE"' })
  country?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes it', maxLength: 32 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  vatId?: string | null;

  @ApiPropertyOptional({ type: PostalAddressDto, nullable: true, description: 'null removes it' })
  @IsOptional()
  @IsObject({ message: 'address must be an object or null' })
  @ValidateNested()
  @Type(() => PostalAddressDto)
  address?: PostalAddressDto | null;
}
