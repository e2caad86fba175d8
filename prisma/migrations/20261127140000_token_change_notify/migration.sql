-- Hand-written: API processes cache authenticated tokens in memory (30 s at most). A revoked,
-- expired-by-hand, rotated or deleted token, or a person whose role, name or active flag changed,
-- is announced at commit so every listening API process forgets it at once.
-- (plpgsql bodies are E-strings with \073 for each statement end: the migration engine splits on
-- every semicolon, see 20261127130000_live_counters_and_revisions.)

CREATE FUNCTION cd_token_changed_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''claimdesk_token'', OLD.hash)\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_token_changed_update AFTER UPDATE ON "ApiToken"
  FOR EACH ROW WHEN ((OLD."revokedAt", OLD."expiresAt", OLD."personId", OLD.hash)
    IS DISTINCT FROM (NEW."revokedAt", NEW."expiresAt", NEW."personId", NEW.hash))
  EXECUTE FUNCTION cd_token_changed_notify();
CREATE TRIGGER cd_token_changed_delete AFTER DELETE ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION cd_token_changed_notify();

CREATE FUNCTION cd_person_access_notify() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''claimdesk_token'', ''*'')\073
  RETURN NULL\073
END';

CREATE TRIGGER cd_person_access_changed AFTER UPDATE ON "Person"
  FOR EACH ROW WHEN ((OLD.active, OLD.role, OLD.name) IS DISTINCT FROM (NEW.active, NEW.role, NEW.name))
  EXECUTE FUNCTION cd_person_access_notify();
