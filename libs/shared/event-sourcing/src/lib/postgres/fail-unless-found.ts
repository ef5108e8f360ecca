/**
 * `statement` (an UPDATE or DELETE with its values inlined) as a DO block that raises `sqlstate`
 * with `message` when it changes no row, so a transaction sent as one query stops there instead of
 * committing the rest without it (a guarded write: a checkpoint move, a row at the version read).
 */
export function failUnlessFound(statement: string, sqlstate: string, message: string): string {
  // A dollar-quote tag the inlined values do not contain.
  let tag = 'guard';
  while (statement.includes(`$${tag}$`) || message.includes(`$${tag}$`)) tag += '_';
  return (
    `DO $${tag}$ BEGIN ${statement}; ` +
    `IF NOT FOUND THEN RAISE EXCEPTION USING ERRCODE = '${sqlstate}', MESSAGE = '${message.replace(/'/g, "''")}'; END IF; ` +
    `END $${tag}$`
  );
}
