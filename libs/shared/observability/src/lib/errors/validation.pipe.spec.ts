import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation.pipe';
import { RequestValidationException } from './request-validation.exception';

class OrderLine {
  @IsString() sku!: string;
  @IsInt() @Min(1) quantity!: number;
}

class PlaceOrderRequest {
  @IsString() customerId!: string;
  @ValidateNested({ each: true }) @Type(() => OrderLine) lines!: OrderLine[];
}

async function validationErrorOf(body: unknown): Promise<RequestValidationException> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: PlaceOrderRequest });
  } catch (error) {
    if (error instanceof RequestValidationException) return error;
    throw error;
  }
  throw new Error('expected a RequestValidationException');
}

describe('the global validation pipe', () => {
  it('names nested fields with array indexes', async () => {
    const error = await validationErrorOf({ customerId: 'c-1', lines: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 0 }] });

    expect(error.errors).toEqual([{ field: 'lines[1].quantity', message: 'quantity must not be less than 1' }]);
  });

  it('refuses fields the DTO does not declare, naming them', async () => {
    const error = await validationErrorOf({ customerId: 'c-1', lines: [], discount: 50 });

    expect(error.errors).toEqual([{ field: 'discount', message: 'property discount should not exist' }]);
  });

  it('returns a DTO instance for a valid body', async () => {
    const dto = await createValidationPipe().transform({ customerId: 'c-1', lines: [{ sku: 'A', quantity: 1 }] }, { type: 'body', metatype: PlaceOrderRequest });

    expect(dto).toBeInstanceOf(PlaceOrderRequest);
    expect(dto.lines[0]).toBeInstanceOf(OrderLine);
  });
});
