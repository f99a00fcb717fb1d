-- H2 is the embedded, single-user database: it has no trigger language of its own, so the history table is
-- guarded by the hash chain alone here (PostgreSQL also refuses UPDATE and DELETE, see the postgresql folder).
select 1;
