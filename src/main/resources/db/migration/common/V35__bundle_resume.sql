-- A bundle being built beats (heartbeat_at at every step); one whose instance died (kill -9, a restart) stops beating
-- and is taken up again by any instance's sweep, from the start, as the person who asked for it may see the documents
-- (requested_roles, their roles when they asked). After three attempts it fails with that reason.
alter table evidence_bundle add column heartbeat_at timestamp with time zone;
alter table evidence_bundle add column attempts integer default 0 not null;
alter table evidence_bundle add column requested_roles varchar(200);
update evidence_bundle set heartbeat_at = requested_at;
update evidence_bundle set status = 'FAILED', step = 'Failed', error = 'Ratchet stopped while it was being put together: ask for a new one'
    where status in ('QUEUED', 'RUNNING');
create index ix_evidence_bundle_building on evidence_bundle (status, heartbeat_at);
