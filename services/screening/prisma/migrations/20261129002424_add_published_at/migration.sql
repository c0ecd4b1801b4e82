-- AlterTable
ALTER TABLE "screening_decision" ADD COLUMN     "published_at" TIMESTAMPTZ(3);
