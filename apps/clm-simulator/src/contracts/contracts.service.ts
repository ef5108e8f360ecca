import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { WebhookOutbox } from '@switchboard/simulator-kit';
import type { Repository } from 'typeorm';
import { ClmCustomerNotFound } from '../customers/clm-customer-not-found.error';
import { ClmCustomer } from '../customers/clm-customer.entity';
import { renderContractDocument, type ContractDocument } from './contract-document';
import type { ContractResponse, DraftContractRequest } from './contract.dto';
import { Contract } from './contract.entity';
import { ContractNotFound, ContractNotSigned } from './contract.errors';

/** Webhook types; the data of both is the contract as `GET /contracts/{id}` shows it. */
export const CONTRACT_DRAFTED_WEBHOOK = 'contract.drafted';
export const CONTRACT_SIGNED_WEBHOOK = 'contract.signed';

const DEFAULT_SIGNATORY = 'Customer';

@Injectable()
export class ContractsService {
  constructor(
    private readonly outbox: WebhookOutbox,
    @InjectRepository(Contract) private readonly contracts: Repository<Contract>,
    @InjectRepository(ClmCustomer) private readonly customers: Repository<ClmCustomer>,
  ) {}

  /** Drafts a contract and reports it (`contract.drafted`, webhook-id `<id>.drafted`). */
  async draft(request: DraftContractRequest): Promise<ContractResponse> {
    return this.outbox.transaction(async (manager, publish) => {
      const customer = await manager.findOneBy(ClmCustomer, { clmCustomerId: request.clmCustomerId });
      if (!customer) throw new ClmCustomerNotFound(request.clmCustomerId);
      const [{ id }]: { id: string }[] = await manager.query(`SELECT nextval('contract_ids') AS id`);
      const contract = manager.create(Contract, {
        contractId: `CT-${id}`,
        clmCustomerId: customer.clmCustomerId,
        title: request.title,
        status: 'drafted',
        conditions: { ...request.conditions, validTo: request.conditions.validTo ?? null },
        draftedAt: new Date(),
        signedAt: null,
        signedBy: null,
      });
      await manager.insert(Contract, contract);
      const shown = toResponse(contract, customer);
      await publish({ id: `${contract.contractId}.drafted`, type: CONTRACT_DRAFTED_WEBHOOK, data: { ...shown }, timestamp: contract.draftedAt });
      return shown;
    });
  }

  /** Signs a drafted contract and reports it (`contract.signed`); signing a signed contract changes nothing. */
  async sign(contractId: string, signedBy = DEFAULT_SIGNATORY): Promise<ContractResponse> {
    return this.outbox.transaction(async (manager, publish) => {
      const contract = await manager.findOne(Contract, { where: { contractId }, lock: { mode: 'pessimistic_write' } });
      if (!contract) throw new ContractNotFound(contractId);
      const customer = await manager.findOneByOrFail(ClmCustomer, { clmCustomerId: contract.clmCustomerId });
      if (contract.status === 'signed') return toResponse(contract, customer);
      contract.status = 'signed';
      contract.signedAt = new Date();
      contract.signedBy = signedBy;
      await manager.save(contract);
      const shown = toResponse(contract, customer);
      await publish({ id: `${contract.contractId}.signed`, type: CONTRACT_SIGNED_WEBHOOK, data: { ...shown }, timestamp: contract.signedAt });
      return shown;
    });
  }

  async get(contractId: string): Promise<ContractResponse> {
    const contract = await this.contracts.findOneBy({ contractId });
    if (!contract) throw new ContractNotFound(contractId);
    return toResponse(contract, await this.customers.findOneByOrFail({ clmCustomerId: contract.clmCustomerId }));
  }

  /** The signed contract's PDF; ContractNotSigned while it is a draft. */
  async document(contractId: string): Promise<ContractDocument> {
    const contract = await this.contracts.findOneBy({ contractId });
    if (!contract) throw new ContractNotFound(contractId);
    if (contract.status !== 'signed' || !contract.signedAt) throw new ContractNotSigned(contractId);
    const customer = await this.customers.findOneByOrFail({ clmCustomerId: contract.clmCustomerId });
    return renderContractDocument({
      contractId: contract.contractId,
      title: contract.title,
      customerName: customer.name,
      clmCustomerId: customer.clmCustomerId,
      conditions: contract.conditions,
      draftedAt: contract.draftedAt,
      signedAt: contract.signedAt,
      signedBy: contract.signedBy ?? DEFAULT_SIGNATORY,
    });
  }
}

function toResponse(contract: Contract, customer: ClmCustomer): ContractResponse {
  return {
    id: contract.contractId,
    clmCustomerId: contract.clmCustomerId,
    customerExternalRef: customer.externalRef,
    title: contract.title,
    status: contract.status,
    conditions: contract.conditions,
    draftedAt: contract.draftedAt.toISOString(),
    signedAt: contract.signedAt?.toISOString() ?? null,
    signedBy: contract.signedBy,
  };
}
