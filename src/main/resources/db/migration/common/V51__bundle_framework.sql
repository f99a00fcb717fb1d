-- Issue 23: an evidence bundle built for one framework (its coverage table, and only the records and audits that
-- evidence it); null for the whole ISMS.
alter table evidence_bundle add column framework varchar(60);
