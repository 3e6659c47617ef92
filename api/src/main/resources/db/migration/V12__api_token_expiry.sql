-- API tokens expire. Tokens issued before they did get the default lifetime (90 days) from now,
-- so that none works forever and none stops working without warning.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
UPDATE api_tokens SET expires_at = now() + interval '90 days';
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
