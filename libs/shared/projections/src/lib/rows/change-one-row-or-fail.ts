/** The SQLSTATE of changeOneRowOrFail's statement when it changed no row: another writer wrote the row since it was read. */
export const ROW_CHANGED_SQLSTATE = 'SB002';

/**
 * `statement` (an UPDATE or DELETE guarded by the row's version, its values inlined) as a DO block
 * that raises ROW_CHANGED_SQLSTATE when it changes no row, so a transaction sent as one query
 * stops there instead of committing the rest without it.
 */
export function changeOneRowOrFail(statement: string): string {
  // A dollar-quote tag the inlined values do not contain.
  let tag = 'row';
  while (statement.includes(`$${tag}$`)) tag += '_';
  return (
    `DO $${tag}$ BEGIN ${statement}; ` +
    `IF NOT FOUND THEN RAISE EXCEPTION 'the row changed since it was read' USING ERRCODE = '${ROW_CHANGED_SQLSTATE}'; END IF; ` +
    `END $${tag}$`
  );
}
