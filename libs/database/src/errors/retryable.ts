/** Postgres aborted the transaction as a deadlock or serialisation failure: nothing was written, run it again. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  if (code === 'P2034' || code === '40P01' || code === '40001') return true;
  const message = error instanceof Error ? error.message : '';
  return /deadlock detected|could not serialize access/i.test(message);
}
