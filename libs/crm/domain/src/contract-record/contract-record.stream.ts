/** The stream category of ContractRecord: `contractRecord-<contract id>`. */
export const CONTRACT_RECORD_CATEGORY = 'contractRecord';

export function contractRecordStream(contractId: string): string {
  return `${CONTRACT_RECORD_CATEGORY}-${contractId}`;
}
