import { Command } from '@nestjs/cqrs';
import type { ContractSignedV1 } from '@switchboard/contracts';

/** From `contract.signed`: push the signed contract's conditions to the customer in the ERP. */
export class PushContractConditionsCommand extends Command<void> {
  constructor(
    readonly signed: ContractSignedV1,
    /** The `contract.signed` event id: the ERP call's Idempotency-Key. */
    readonly causingEventId: string,
  ) {
    super();
  }
}
