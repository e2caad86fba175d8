import { PrismaPg } from '@prisma/adapter-pg';

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/**
 * The pg driver adapter, with each interactive transaction's queries sent one after another.
 * A transaction holds one pg client, and a pg client runs one query at a time; Prisma's query
 * interpreter nevertheless issues some of a transaction's independent statements together (its
 * nodes are mapped with Promise.all), and pg then queues them itself with a deprecation warning
 * ("Calling client.query() when the client is already executing a query", an error in pg 9).
 * Queuing them here keeps pg's order and behaviour, without leaning on what pg 9 removes.
 */
export class SerialTransactionsPg extends PrismaPg {
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => serialised(await start(isolationLevel));
    return adapter;
  }
}

function serialised(tx: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  };
  const queryRaw = tx.queryRaw.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  tx.queryRaw = (query) => inTurn(() => queryRaw(query));
  tx.executeRaw = (query) => inTurn(() => executeRaw(query));
  return tx;
}
