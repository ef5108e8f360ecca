import { failUnlessFound } from '@switchboard/event-sourcing';

/** The SQLSTATE of changeOneRowOrFail's statement when it changed no row: another writer wrote the row since it was read. */
export const ROW_CHANGED_SQLSTATE = 'SB002';

/** `statement` (an UPDATE or DELETE guarded by the row's version, its values inlined) failing with ROW_CHANGED_SQLSTATE when it changes no row. */
export function changeOneRowOrFail(statement: string): string {
  return failUnlessFound(statement, ROW_CHANGED_SQLSTATE, 'the row changed since it was read');
}
