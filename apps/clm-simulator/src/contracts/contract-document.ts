import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { ContractConditions } from './contract.entity';

export interface SignedContract {
  readonly contractId: string;
  readonly title: string;
  readonly customerName: string;
  readonly clmCustomerId: string;
  readonly conditions: ContractConditions;
  readonly draftedAt: Date;
  readonly signedAt: Date;
  readonly signedBy: string;
}

export interface ContractDocument {
  readonly bytes: Buffer;
  /** Lower-case hex SHA-256 of the bytes: the document's ETag. */
  readonly sha256: string;
}

/**
 * Renders the signed contract as a PDF. The same contract gives the same bytes every time: the
 * creation date is the signing time and pdfkit derives the file ID from the document info, so the
 * sha256 a client stores matches every later download.
 */
export function renderContractDocument(contract: SignedContract): Promise<ContractDocument> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: contract.title, Author: 'CLM simulator', Subject: `Contract ${contract.contractId}`, CreationDate: contract.signedAt, ModDate: contract.signedAt },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<ContractDocument>((resolve, reject) => {
    pdf.on('end', () => {
      const bytes = Buffer.concat(chunks);
      resolve({ bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
    });
    pdf.on('error', reject);
  });

  const { conditions } = contract;
  pdf.fontSize(20).text(contract.title);
  pdf.moveDown().fontSize(11).text(`Contract ${contract.contractId}`);
  pdf.text(`Customer: ${contract.customerName} (${contract.clmCustomerId})`);
  pdf.text(`Drafted: ${contract.draftedAt.toISOString()}`);
  pdf.moveDown().fontSize(14).text('Conditions');
  pdf.fontSize(11).text(`Payment terms: ${conditions.paymentTerms}`);
  pdf.text(`Discount: ${conditions.discountPercent} %`);
  pdf.text(`Valid from ${conditions.validFrom}${conditions.validTo ? ` to ${conditions.validTo}` : ', open-ended'}`);
  pdf.moveDown().fontSize(14).text('Signature');
  pdf.fontSize(11).text(`Signed by ${contract.signedBy} on ${contract.signedAt.toISOString()}`);
  pdf.end();
  return done;
}
