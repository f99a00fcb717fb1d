-- An existing account added to another organisation is invited, not enrolled: its membership waits, without access,
-- until the person accepts it (and is removed if they decline).
alter table membership add column invited_at timestamp with time zone;
