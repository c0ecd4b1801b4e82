-- CreateTable
CREATE TABLE "authority" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuing_state" VARCHAR(3) NOT NULL,
    "credential_prefix" VARCHAR(8) NOT NULL,
    "credential_hash" CHAR(64) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "authority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_record" (
    "id" UUID NOT NULL,
    "issuing_state" VARCHAR(3) NOT NULL,
    "document_type" VARCHAR(32) NOT NULL,
    "document_number" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reported_on" DATE NOT NULL,
    "lost_on" DATE,
    "authority_id" UUID NOT NULL,
    "authority_reference" TEXT,
    "withdrawn_at" TIMESTAMPTZ(3),
    "withdrawal_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "document_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" BYTEA,
    "headers" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "sequence" BIGSERIAL NOT NULL,

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "authority_code_key" ON "authority"("code");

-- CreateIndex
CREATE UNIQUE INDEX "authority_credential_hash_key" ON "authority"("credential_hash");

-- CreateIndex
CREATE INDEX "authority_credential_prefix_idx" ON "authority"("credential_prefix");

-- CreateIndex
CREATE INDEX "document_record_document_number_idx" ON "document_record"("document_number");

-- CreateIndex
CREATE UNIQUE INDEX "document_record_issuing_state_document_type_document_number_key" ON "document_record"("issuing_state", "document_type", "document_number");

-- CreateIndex
CREATE INDEX "outbox_event_published_at_sequence_idx" ON "outbox_event"("published_at", "sequence");

-- AddForeignKey
ALTER TABLE "document_record" ADD CONSTRAINT "document_record_authority_id_fkey" FOREIGN KEY ("authority_id") REFERENCES "authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
