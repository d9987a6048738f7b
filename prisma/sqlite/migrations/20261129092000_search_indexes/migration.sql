-- CreateIndex
CREATE INDEX "InboundEvent_receivedAt_idx" ON "InboundEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "InboundEvent_eventType_receivedAt_idx" ON "InboundEvent"("eventType", "receivedAt");

-- Payload search (lib/search/sql/sqlite.ts). Hand-written: Prisma's models cannot
-- describe these objects, and every one is named search_* so the schema comparison in the
-- tests can tell them from the models'.
--
-- FTS5 indexes over the stored payloads, their text read from the tables themselves. Indexing
-- a row costs about 20 times inserting it when each insert commits on its own, so the triggers
-- only queue new and changed rows; lib/search indexes the queue in batches, and before every
-- payload search. A row leaves the index with the payload it was indexed with, so a row still
-- in the queue is only taken off the queue.
CREATE TABLE "search_pending" (
    "tbl" TEXT NOT NULL,
    "rid" INTEGER NOT NULL,
    PRIMARY KEY ("tbl", "rid")
) WITHOUT ROWID;

CREATE VIRTUAL TABLE "search_message" USING fts5("payload", content = 'Message', content_rowid = 'rowid');
CREATE VIRTUAL TABLE "search_inbound_event" USING fts5("payload", content = 'InboundEvent', content_rowid = 'rowid');

CREATE TRIGGER "search_message_added" AFTER INSERT ON "Message" BEGIN
    INSERT OR IGNORE INTO "search_pending" ("tbl", "rid") VALUES ('Message', new.rowid);
END;
CREATE TRIGGER "search_message_changed" AFTER UPDATE OF "payload" ON "Message" BEGIN
    INSERT INTO "search_message" ("search_message", rowid, "payload") SELECT 'delete', old.rowid, old."payload"
        WHERE NOT EXISTS (SELECT 1 FROM "search_pending" WHERE "tbl" = 'Message' AND "rid" = old.rowid);
    INSERT OR IGNORE INTO "search_pending" ("tbl", "rid") VALUES ('Message', new.rowid);
END;
CREATE TRIGGER "search_message_removed" AFTER DELETE ON "Message" BEGIN
    INSERT INTO "search_message" ("search_message", rowid, "payload") SELECT 'delete', old.rowid, old."payload"
        WHERE NOT EXISTS (SELECT 1 FROM "search_pending" WHERE "tbl" = 'Message' AND "rid" = old.rowid);
    DELETE FROM "search_pending" WHERE "tbl" = 'Message' AND "rid" = old.rowid;
END;

CREATE TRIGGER "search_inbound_event_added" AFTER INSERT ON "InboundEvent" BEGIN
    INSERT OR IGNORE INTO "search_pending" ("tbl", "rid") VALUES ('InboundEvent', new.rowid);
END;
CREATE TRIGGER "search_inbound_event_changed" AFTER UPDATE OF "payload" ON "InboundEvent" BEGIN
    INSERT INTO "search_inbound_event" ("search_inbound_event", rowid, "payload") SELECT 'delete', old.rowid, old."payload"
        WHERE NOT EXISTS (SELECT 1 FROM "search_pending" WHERE "tbl" = 'InboundEvent' AND "rid" = old.rowid);
    INSERT OR IGNORE INTO "search_pending" ("tbl", "rid") VALUES ('InboundEvent', new.rowid);
END;
CREATE TRIGGER "search_inbound_event_removed" AFTER DELETE ON "InboundEvent" BEGIN
    INSERT INTO "search_inbound_event" ("search_inbound_event", rowid, "payload") SELECT 'delete', old.rowid, old."payload"
        WHERE NOT EXISTS (SELECT 1 FROM "search_pending" WHERE "tbl" = 'InboundEvent' AND "rid" = old.rowid);
    DELETE FROM "search_pending" WHERE "tbl" = 'InboundEvent' AND "rid" = old.rowid;
END;

-- Rows stored before this migration are indexed like new ones.
INSERT INTO "search_pending" ("tbl", "rid") SELECT 'Message', rowid FROM "Message";
INSERT INTO "search_pending" ("tbl", "rid") SELECT 'InboundEvent', rowid FROM "InboundEvent";
