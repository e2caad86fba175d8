import { httpClient, startTestDesk } from '@claimdesk/testing';
import { addPerson } from './desk-builder';

const body = (i: number) =>
  `Exports rose ${i + 3}% in ${2000 + i} to ${i + 10} billion dollars, the trade ministry said on Monday. ` +
  `The ministry said ${i + 2} new trade agreements were signed in the same year.`;

describe('closing a worker while its jobs run', () => {
  // Regression: Prisma used to disconnect (onModuleDestroy) before BullMQ closed its workers
  // (onApplicationShutdown), so a job mid-transaction hung and the close with it.
  for (const round of [1, 2, 3]) {
    it(`lets active jobs finish and closes promptly (round ${round})`, async () => {
      const desk = await startTestDesk({ workers: 2 });
      try {
        const admin = httpClient(desk.api, desk.adminToken);
        for (let i = 0; i < 3; i++) await addPerson(admin, { name: `R${i}`, email: `r${i}@shutdown.test`, role: 'REVIEWER', capacity: 50 });
        const ingest = Array.from({ length: 12 }, (_, i) => admin.post('/articles', { title: `Trade ${round}.${i}`, body: body(i) }));
        await Promise.all(ingest.slice(0, 6));
        const started = Date.now();
        await desk.workers[1].close();
        desk.workers.splice(1, 1);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect((await Promise.all(ingest)).map((r) => r.status)).toEqual(Array(12).fill(202));
      } finally {
        await desk.close();
      }
    }, 120_000); // the setup (a desk, two workers, 12 ingests) is slow on a loaded machine; closing is timed above
  }
});
