-- A policy version can be an uploaded file (stored as evidence, with its SHA-256) instead of text written in Ratchet.
alter table policy_version add column file_id uuid;
alter table policy_version add column file_name varchar(255);
