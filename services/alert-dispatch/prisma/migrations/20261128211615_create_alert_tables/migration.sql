-- CreateTable
CREATE TABLE "agency" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "states" TEXT[],
    "ports" TEXT[],
    "alert_types" TEXT[],
    "min_severity" TEXT NOT NULL DEFAULT 'info',
    "fallback" BOOLEAN NOT NULL DEFAULT false,
    "kafka_enabled" BOOLEAN NOT NULL DEFAULT false,
    "webhook_url" TEXT,
    "webhook_secret" TEXT,
    "token_prefix" VARCHAR(8) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert" (
    "alert_id" UUID NOT NULL,
    "screening_id" UUID NOT NULL,
    "correlation_id" TEXT NOT NULL,
    "flight_key" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "alert_types" TEXT[],
    "destination_state" TEXT NOT NULL,
    "transit_states" TEXT[],
    "arrival_airport" TEXT NOT NULL,
    "view" JSONB NOT NULL,
    "payload" BYTEA NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("alert_id")
);

-- CreateTable
CREATE TABLE "agency_alert" (
    "seq" BIGSERIAL NOT NULL,
    "agency_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "routed_via" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'new',
    "resolution" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "kafka_channel" BOOLEAN NOT NULL,
    "webhook_channel" BOOLEAN NOT NULL,
    "kafka_published_at" TIMESTAMPTZ(3),
    "webhook_delivered_at" TIMESTAMPTZ(3),
    "webhook_attempts" INTEGER NOT NULL DEFAULT 0,
    "webhook_dead_lettered_at" TIMESTAMPTZ(3),
    "webhook_last_error" TEXT,

    CONSTRAINT "agency_alert_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "alert_audit" (
    "id" BIGSERIAL NOT NULL,
    "agency_id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "resolution" TEXT,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_audit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "agency_code_key" ON "agency"("code");

-- CreateIndex
CREATE UNIQUE INDEX "agency_token_hash_key" ON "agency"("token_hash");

-- CreateIndex
CREATE INDEX "agency_token_prefix_idx" ON "agency"("token_prefix");

-- CreateIndex
CREATE INDEX "agency_alert_agency_id_seq_idx" ON "agency_alert"("agency_id", "seq");

-- CreateIndex
CREATE INDEX "agency_alert_agency_id_status_seq_idx" ON "agency_alert"("agency_id", "status", "seq");

-- CreateIndex
CREATE INDEX "agency_alert_alert_id_idx" ON "agency_alert"("alert_id");

-- CreateIndex
CREATE UNIQUE INDEX "agency_alert_agency_id_alert_id_key" ON "agency_alert"("agency_id", "alert_id");

-- CreateIndex
CREATE INDEX "alert_audit_agency_id_alert_id_id_idx" ON "alert_audit"("agency_id", "alert_id", "id");

-- AddForeignKey
ALTER TABLE "agency_alert" ADD CONSTRAINT "agency_alert_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agency_alert" ADD CONSTRAINT "agency_alert_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("alert_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_audit" ADD CONSTRAINT "alert_audit_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_audit" ADD CONSTRAINT "alert_audit_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("alert_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- What Prisma cannot express (written by hand below the generated part).

-- Only the lifecycle's values; a resolution exactly when resolved.
ALTER TABLE "agency" ADD CONSTRAINT "agency_min_severity_check"
    CHECK ("min_severity" IN ('info', 'low', 'medium', 'high', 'critical'));
ALTER TABLE "agency_alert" ADD CONSTRAINT "agency_alert_status_check"
    CHECK ("status" IN ('new', 'acknowledged', 'resolved'));
ALTER TABLE "agency_alert" ADD CONSTRAINT "agency_alert_resolution_check"
    CHECK (("status" = 'resolved') = ("resolution" IS NOT NULL)
       AND ("resolution" IS NULL OR "resolution" IN ('confirmed-fraud', 'false-positive', 'not-boarded', 'no-action-needed', 'other')));
ALTER TABLE "alert_audit" ADD CONSTRAINT "alert_audit_action_check"
    CHECK ("action" IN ('raised', 'acknowledged', 'resolved'));

-- The audit trail is evidence: once written, no one — the service included — may change or remove a
-- row. Enforced here rather than in code so that a bug, a script or a hand-typed query cannot either.
CREATE FUNCTION "alert_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'alert_audit is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "alert_audit_no_update_or_delete"
    BEFORE UPDATE OR DELETE ON "alert_audit"
    FOR EACH ROW EXECUTE FUNCTION "alert_audit_append_only"();

CREATE TRIGGER "alert_audit_no_truncate"
    BEFORE TRUNCATE ON "alert_audit"
    FOR EACH STATEMENT EXECUTE FUNCTION "alert_audit_append_only"();
