-- AlterTable
ALTER TABLE "screening_decision" ADD COLUMN     "alert_id" UUID,
ADD COLUMN     "rule_set_version" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "rule_versions" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "visa_matrix_version" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "rule_set" (
    "version" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),

    CONSTRAINT "rule_set_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "visa_matrix" (
    "version" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "matrix" JSONB NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),

    CONSTRAINT "visa_matrix_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "visa_violation" (
    "id" UUID NOT NULL,
    "issuing_state" VARCHAR(3) NOT NULL,
    "document_number" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" VARCHAR(3) NOT NULL,
    "recorded_on" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visa_violation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "visa_violation_issuing_state_document_number_idx" ON "visa_violation"("issuing_state", "document_number");
