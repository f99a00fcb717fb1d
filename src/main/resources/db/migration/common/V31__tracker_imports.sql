-- A migration of an earlier tracker: what came in, from which file and sheet, and whether it was undone. A large
-- one runs in the background: queued with the choices of its preview, claimed by one instance (the heartbeat
-- shows it is alive), its progress visible, resumed from the start by another instance or after a restart
-- (the import itself is one transaction, so a killed run leaves nothing half done).
create table tracker_import (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    upload_id        uuid          not null references import_upload (id),
    file_name        varchar(255)  not null,
    sheet_name       varchar(100),
    status           varchar(20)   not null,
    step             varchar(300),
    done             integer       not null,
    total            integer       not null,
    error            varchar(4000),
    settings         varchar(1000000),
    attempts         integer       not null,
    heartbeat_at     timestamp with time zone,
    finished_at      timestamp with time zone,
    record_count     integer       not null,
    action_count     integer       not null,
    review_count     integer       not null,
    imported_by      uuid          not null references app_user (id),
    imported_at      timestamp with time zone not null,
    undone_by        uuid references app_user (id),
    undone_at        timestamp with time zone,
    version          bigint        not null
);
create index ix_tracker_import on tracker_import (organisation_id, imported_at);
create index ix_tracker_import_status on tracker_import (status, heartbeat_at);

-- The tracker's own reference, once per organisation: a tracker cannot come in twice, not even from two tabs.
alter table improvement_record add column tracker_reference varchar(100);
alter table improvement_record add column migration_id uuid references tracker_import (id);
create index ix_improvement_migration on improvement_record (migration_id);
update improvement_record set tracker_reference = substring(source_reference, 15)
 where tags = 'migrated' and source_reference like 'Migrated from %' and length(source_reference) <= 114
   and not exists (select 1 from improvement_record o where o.organisation_id = improvement_record.organisation_id
                    and o.source_reference = improvement_record.source_reference and o.id <> improvement_record.id);
create unique index ux_improvement_tracker_reference on improvement_record (organisation_id, tracker_reference);

-- What each value of an earlier tracker means in Ratchet ("Observation" as a grade is an opportunity), as the
-- organisation chose it at its last migration, offered again at the next.
create table migration_value (
    organisation_id  uuid          not null references organisation (id),
    target           varchar(30)   not null,
    value_key        varchar(200)  not null,
    choice           varchar(100)  not null,
    primary key (organisation_id, target, value_key)
);

-- The same file imported once per register and organisation, whichever tab or instance imports it: the unique
-- index refuses the second, where a check and an insert could both pass.
alter table import_upload add column content_hash varchar(64);
alter table import_upload add column imported_hash varchar(64);
create unique index ux_import_upload_imported on import_upload (organisation_id, register, imported_hash);
