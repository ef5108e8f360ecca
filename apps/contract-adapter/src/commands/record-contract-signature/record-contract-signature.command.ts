import { Command } from '@nestjs/cqrs';
import type { ClmContract } from '../../webhooks/clm-contract';

/** From the CLM's `contract.signed` webhook. Answers our contract id. */
export class RecordContractSignatureCommand extends Command<string> {
  constructor(readonly contract: ClmContract) {
    super();
  }
}
