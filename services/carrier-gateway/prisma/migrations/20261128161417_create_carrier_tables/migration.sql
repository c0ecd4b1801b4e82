-- CreateTable
CREATE TABLE "carrier" (
    "id" UUID NOT NULL,
    "iata_code" VARCHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "carrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "carrier_api_key" (
    "id" UUID NOT NULL,
    "carrier_id" UUID NOT NULL,
    "key_prefix" VARCHAR(8) NOT NULL,
    "key_hash" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "carrier_api_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "manifest_submission" (
    "id" UUID NOT NULL,
    "carrier_id" UUID NOT NULL,
    "idempotency_key" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "format" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "raw_message" BYTEA,
    "raw_sha256" CHAR(64) NOT NULL,
    "archive_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "flight_key" TEXT,
    "scheduled_departure_local" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "traveller_count" INTEGER NOT NULL DEFAULT 0,
    "accepted_count" INTEGER NOT NULL DEFAULT 0,
    "correlation_id" TEXT NOT NULL,
    "receipt" JSONB,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "manifest_submission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "carrier_iata_code_key" ON "carrier"("iata_code");

-- CreateIndex
CREATE UNIQUE INDEX "carrier_api_key_key_hash_key" ON "carrier_api_key"("key_hash");

-- CreateIndex
CREATE INDEX "carrier_api_key_key_prefix_idx" ON "carrier_api_key"("key_prefix");

-- CreateIndex
CREATE INDEX "carrier_api_key_carrier_id_idx" ON "carrier_api_key"("carrier_id");

-- CreateIndex
CREATE INDEX "manifest_submission_carrier_id_received_at_idx" ON "manifest_submission"("carrier_id", "received_at");

-- CreateIndex
CREATE INDEX "manifest_submission_flight_key_idx" ON "manifest_submission"("flight_key");

-- CreateIndex
CREATE INDEX "manifest_submission_archive_expires_at_idx" ON "manifest_submission"("archive_expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "manifest_submission_carrier_id_idempotency_key_key" ON "manifest_submission"("carrier_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "carrier_api_key" ADD CONSTRAINT "carrier_api_key_carrier_id_fkey" FOREIGN KEY ("carrier_id") REFERENCES "carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "manifest_submission" ADD CONSTRAINT "manifest_submission_carrier_id_fkey" FOREIGN KEY ("carrier_id") REFERENCES "carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
