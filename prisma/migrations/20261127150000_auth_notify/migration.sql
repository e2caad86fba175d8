-- Hand-written: API processes cache authenticated tokens briefly. A revocation, an expiry change, a
-- deleted token, or a person deactivated or given another role must reach every process at commit,
-- so each of those changes NOTIFYs on claimdesk_auth (semicolons in bodies are written \073 because
-- the migration engine splits scripts on semicolons).

CREATE FUNCTION cd_token_auth_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''claimdesk_auth'', json_build_object(''hash'', OLD.hash)::text)\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_token_auth_update AFTER UPDATE ON "ApiToken"
  FOR EACH ROW WHEN (OLD."revokedAt" IS DISTINCT FROM NEW."revokedAt" OR OLD."expiresAt" IS DISTINCT FROM NEW."expiresAt" OR OLD.hash IS DISTINCT FROM NEW.hash)
  EXECUTE FUNCTION cd_token_auth_notify();
CREATE TRIGGER cd_token_auth_delete AFTER DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION cd_token_auth_notify();

CREATE FUNCTION cd_person_auth_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''claimdesk_auth'', json_build_object(''personId'', OLD.id)::text)\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_person_auth_update AFTER UPDATE ON "Person"
  FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.role IS DISTINCT FROM NEW.role OR OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION cd_person_auth_notify();
CREATE TRIGGER cd_person_auth_delete AFTER DELETE ON "Person"
  FOR EACH ROW EXECUTE FUNCTION cd_person_auth_notify();
