import { IsOptional, Matches } from 'class-validator';

/**
 * Extend a query DTO from this when its handler has @ReadYourWrites: with the global
 * ValidationPipe's forbidNonWhitelisted, an undeclared `minPosition` would be rejected.
 */
export class MinPositionQuery {
  /** The position a command answered with ("<commit>.<prepare>"): wait until the read model has it. */
  @IsOptional()
  @Matches(/^\d{1,20}\.\d{1,20}$/, { message: 'minPosition must be a position "<commit>.<prepare>", e.g. "7341.12"' })
  minPosition?: string;
}
