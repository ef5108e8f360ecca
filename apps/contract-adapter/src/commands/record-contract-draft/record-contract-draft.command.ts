import { Command } from '@nestjs/cqrs';
import type { ClmContract } from '../../webhooks/clm-contract';

/** From the CLM's `contract.drafted` webhook. Answers our contract id. */
export class RecordContractDraftCommand extends Command<string> {
  constructor(readonly contract: ClmContract) {
    super();
  }
}
