-- The Statement of Applicability (6.1.3 d): one entry per control the organisation has decided on, and its approved
-- versions, each kept as the rows and documents of the moment it was approved.
create table soa_entry (
    id                        uuid primary key,
    organisation_id           uuid          not null references organisation (id),
    requirement               varchar(80)   not null,
    applicable                boolean,
    other_reasons             varchar(2000),
    exclusion_justification   varchar(2000),
    status                    varchar(20)   not null,
    implementation            varchar(4000),
    owner_id                  uuid references app_user (id),
    policy_ids                varchar(2000),
    evidence_valid_months     integer,
    updated_at                timestamp with time zone not null,
    version                   bigint        not null,
    constraint uk_soa_entry unique (organisation_id, requirement)
);

create table soa_version (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    number           integer       not null,
    status           varchar(20)   not null,
    approved_by      uuid          not null references app_user (id),
    approved_at      timestamp with time zone not null,
    note             varchar(2000),
    applicable       integer       not null,
    excluded         integer       not null,
    implemented      integer       not null,
    rows_json        bytea         not null,
    version          bigint        not null,
    constraint uk_soa_version unique (organisation_id, number)
);

create table soa_document (
    version_id       uuid          not null references soa_version (id),
    organisation_id  uuid          not null references organisation (id),
    format           varchar(10)   not null,
    content          bytea         not null,
    sha256           varchar(64)   not null,
    primary key (version_id, format)
);
