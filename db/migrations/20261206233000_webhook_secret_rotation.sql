-- Up Migration
-- Webhook secret rotation (issue 17): after a rotation the previous secret keeps signing (a second
-- `v1=` signature) until webhook_secret_previous_expires_at, so receivers can switch without losing
-- a webhook. Both values are sealed with the payload encryption keys (lib/webhook-secrets.ts).
ALTER TABLE accounts
  ADD COLUMN webhook_secret_previous text,
  ADD COLUMN webhook_secret_previous_expires_at timestamptz,
  ADD COLUMN webhook_secret_rotated_at timestamptz;

-- Down Migration
ALTER TABLE accounts
  DROP COLUMN webhook_secret_previous,
  DROP COLUMN webhook_secret_previous_expires_at,
  DROP COLUMN webhook_secret_rotated_at;
