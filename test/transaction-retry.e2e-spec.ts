import { AppConfig } from '@claimdesk/config';
import { PrismaService } from '@claimdesk/database';
import { createTestDatabase, testEnv, type TestDatabase } from '@claimdesk/testing';

describe('interactive transactions aborted as deadlocks are run again', () => {
  let db: TestDatabase;
  let prisma: PrismaService;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = new PrismaService(new AppConfig(testEnv(db.url)));
    await prisma.onModuleInit();
    // Articles, because editing a title fires no trigger: the two transactions meet only on their rows.
    await prisma.article.createMany({
      data: [
        { title: 'A', body: 'a', contentHash: 'tx-a' },
        { title: 'B', body: 'b', contentHash: 'tx-b' },
      ],
    });
  });

  afterAll(async () => {
    await prisma?.onApplicationShutdown();
    await db?.drop();
  });

  it('both sides of a real deadlock end up committed, one of them on its second run', async () => {
    const [a, b] = await prisma.article.findMany({ orderBy: { title: 'asc' } });
    const runs = { first: 0, second: 0 };
    let bothHoldOne!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHoldOne = resolve));
    let holding = 0;
    const lockInOrder = (name: 'first' | 'second', one: string, two: string) =>
      prisma.$transaction(async (tx) => {
        runs[name]++;
        await tx.$executeRaw`UPDATE "Article" SET title = title || '+' WHERE id = ${one}::uuid`;
        // Only on the first run: wait until both hold their first row, so the second locks cross.
        if (runs[name] === 1 && ++holding === 2) bothHoldOne();
        if (runs[name] === 1) await barrier;
        await tx.$executeRaw`UPDATE "Article" SET title = title || '+' WHERE id = ${two}::uuid`;
      });
    await Promise.all([lockInOrder('first', a.id, b.id), lockInOrder('second', b.id, a.id)]);
    expect(runs.first + runs.second).toBe(3);
    const after = await prisma.article.findMany({ orderBy: { contentHash: 'asc' } });
    expect(after.map((p) => p.title)).toEqual(['A++', 'B++']);
  });

  it('does not run other failures again', async () => {
    let runs = 0;
    await expect(
      prisma.$transaction(async () => {
        runs++;
        throw new Error('not a deadlock');
      }),
    ).rejects.toThrow('not a deadlock');
    expect(runs).toBe(1);
  });
});
