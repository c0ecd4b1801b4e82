-- AlterTable
ALTER TABLE "agency" ADD COLUMN     "webhook_secret_sealed" TEXT;

-- Webhook secrets are stored sealed (AES-256-GCM under SECRETS_KEYS, `v1:<key id>:<iv>:<data>`), never
-- in clear: a value of another form is refused here too. Rows from before keep working: their secret
-- stays in webhook_secret until alert-dispatch seals it (at start, or when it next reads it) and
-- empties that column.
ALTER TABLE "agency" ADD CONSTRAINT "agency_webhook_secret_sealed_form"
    CHECK ("webhook_secret_sealed" ~ '^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$');
