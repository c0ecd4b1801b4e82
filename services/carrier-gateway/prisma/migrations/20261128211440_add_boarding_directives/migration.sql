-- AlterTable
ALTER TABLE "carrier" ADD COLUMN     "directive_webhook_secret" TEXT,
ADD COLUMN     "directive_webhook_url" TEXT;

-- CreateTable
CREATE TABLE "boarding_directive" (
    "directive_id" UUID NOT NULL,
    "carrier_code" VARCHAR(3) NOT NULL,
    "submission_id" UUID NOT NULL,
    "traveller_ref" TEXT NOT NULL,
    "flight_key" TEXT NOT NULL,
    "directive" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "screening_id" UUID,
    "source" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "forwarded_at" TIMESTAMPTZ(3),
    "webhook_delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "boarding_directive_pkey" PRIMARY KEY ("directive_id")
);

-- CreateIndex
CREATE INDEX "boarding_directive_submission_id_traveller_ref_idx" ON "boarding_directive"("submission_id", "traveller_ref");
