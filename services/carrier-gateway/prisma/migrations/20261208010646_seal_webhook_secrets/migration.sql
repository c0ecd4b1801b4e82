-- AlterTable
ALTER TABLE "carrier" ADD COLUMN     "directive_webhook_secret_sealed" TEXT;

-- Webhook secrets are stored sealed (AES-256-GCM under SECRETS_KEYS, `v1:<key id>:<iv>:<data>`), never
-- in clear: a value of another form is refused here too. Rows from before keep working: their secret
-- stays in directive_webhook_secret until the gateway seals it (at start, or when it next reads it) and
-- empties that column.
ALTER TABLE "carrier" ADD CONSTRAINT "carrier_directive_webhook_secret_sealed_form"
    CHECK ("directive_webhook_secret_sealed" ~ '^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$');
