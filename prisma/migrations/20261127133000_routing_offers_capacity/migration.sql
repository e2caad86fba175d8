-- AlterEnum
ALTER TYPE "AssignmentStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "maxCapacity" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "cost" INTEGER NOT NULL DEFAULT 1;


-- Hand-written: Prisma's schema language cannot express these.

-- Existing reviewers may not raise their own capacity above what an admin gave them.
UPDATE "Person" SET "maxCapacity" = "capacity";
ALTER TABLE "Person" ADD CONSTRAINT "Person_maxCapacity_range" CHECK ("maxCapacity" >= 0 AND "maxCapacity" <= 100);
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_cost_positive" CHECK ("cost" >= 1);

-- Accepted work already open keeps its due time, and the capacity it was charged is one unit.
UPDATE "Assignment" SET "acceptedAt" = "updatedAt" WHERE "status" = 'ACCEPTED';
