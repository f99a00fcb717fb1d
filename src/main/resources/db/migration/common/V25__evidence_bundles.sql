-- Evidence bundles: one ZIP per request, built in the background with its progress, kept for download.
create table evidence_bundle (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    period_from      date          not null,
    period_to        date          not null,
    status           varchar(20)   not null,
    step             varchar(300),
    done             integer       not null,
    total            integer       not null,
    content          bytea,
    size_bytes       bigint,
    sha256           varchar(64),
    error            varchar(2000),
    requested_by     uuid          not null references app_user (id),
    requested_at     timestamp with time zone not null,
    finished_at      timestamp with time zone
);
create index ix_evidence_bundle on evidence_bundle (organisation_id, requested_at);
