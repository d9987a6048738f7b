-- CreateIndex
CREATE INDEX "InboundEvent_receivedAt_idx" ON "InboundEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "InboundEvent_eventType_receivedAt_idx" ON "InboundEvent"("eventType", "receivedAt");

-- Payload search (lib/search/sql/postgresql.ts). Hand-written: Prisma's models
-- cannot describe these objects, and every one is named search_* so the schema comparison in
-- the tests can tell them from the models'.
--
-- Word indexes over the stored payloads. A word is a run of letters and digits, as in SQLite's
-- FTS5 (PostgreSQL's own parser keeps e-mail addresses, hosts and hyphenated words whole, so
-- "example.com" would not find "ann@example.com"). A tsvector holds at most 1 MB and a
-- payload may be larger: the first 100,000 characters are indexed, so a huge payload is
-- still accepted. The expression must match lib/search/sql/postgresql.ts exactly
-- to be used.
CREATE INDEX "search_message_payload" ON "Message"
    USING gin (to_tsvector('simple'::regconfig, regexp_replace(left("payload", 100000), '[^[:alnum:]]+', ' ', 'g')));
CREATE INDEX "search_inbound_event_payload" ON "InboundEvent"
    USING gin (to_tsvector('simple'::regconfig, regexp_replace(left("payload", 100000), '[^[:alnum:]]+', ' ', 'g')));

-- A payload as jsonb, or NULL when it is not JSON PostgreSQL can hold (a \u0000 escape), so one
-- such payload cannot fail a search. Not PARALLEL SAFE: its exception block is a subtransaction,
-- which a parallel worker cannot start.
CREATE FUNCTION "search_jsonb"(t text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN t::jsonb;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;
