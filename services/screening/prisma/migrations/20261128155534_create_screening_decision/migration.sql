-- CreateTable
CREATE TABLE "screening_decision" (
    "id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "correlation_id" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "traveller_ref" TEXT NOT NULL,
    "flight_key" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "checks" JSONB NOT NULL,
    "screened_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "screening_decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "screening_decision_event_id_key" ON "screening_decision"("event_id");

-- CreateIndex
CREATE INDEX "screening_decision_flight_key_idx" ON "screening_decision"("flight_key");
