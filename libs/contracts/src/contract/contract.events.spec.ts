import { CRM_SIGNED_COPY_REQUESTED } from '../crm';
import { ERP_CUSTOMER_CREATED } from '../erp';
import { findStreamForSubject } from '../streams';
import { CONTRACT_EVENTS, CONTRACT_SIGNED_COPY_STORED } from './contract.events';

describe('contract context contracts and the CRM/ERP events the CRM exchanges with it', () => {
  it.each([
    ...[...CONTRACT_EVENTS, CRM_SIGNED_COPY_REQUESTED, ERP_CUSTOMER_CREATED].map((contract) => [contract.subject, contract] as const),
  ])('publishes %s on its context stream with a closed object schema', (subject, contract) => {
    const context = subject.split('.')[0];
    expect(findStreamForSubject(contract.subject)?.context).toBe(context);
    expect(contract.schema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(contract.type).toBe(`switchboard.${contract.subject}.v1`);
  });

  it('describes the stored signed copy by document id, sha256, size and URL', () => {
    expect(CONTRACT_SIGNED_COPY_STORED.schema).toMatchObject({
      required: expect.arrayContaining(['documentId', 'sha256', 'size', 'url']),
    });
  });
});
