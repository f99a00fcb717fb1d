-- Audits (clause 9.2): the yearly programme, each audit with its team, scope and checklist, and the coverage of
-- the catalogue over a certification cycle.

-- Areas know their risk (for the audit frequency) and who works in them (for auditor independence).
alter table area add column risk varchar(10) default 'MEDIUM' not null;
alter table area add column member_ids varchar(4000);
alter table organisation add column allow_independence_override boolean default false not null;

-- An improvement record raised from another record (an audit, later an incident or a review) knows which one.
alter table improvement_record add column source_id uuid;
create index ix_improvement_source_record on improvement_record (organisation_id, source_id);

create table audit_programme (
    id                 uuid primary key,
    organisation_id    uuid          not null references organisation (id),
    programme_year     integer       not null,
    basis              varchar(8000) not null,
    revision           integer       not null,
    status             varchar(20)   not null,
    approved_revision  integer,
    approved_by        uuid references app_user (id),
    approved_at        timestamp with time zone,
    approval_note      varchar(2000),
    created_by         uuid          not null references app_user (id),
    created_at         timestamp with time zone not null,
    version            bigint        not null,
    constraint uk_audit_programme_year unique (organisation_id, programme_year)
);

create table audit (
    id                    uuid primary key,
    organisation_id       uuid          not null references organisation (id),
    programme_id          uuid          not null references audit_programme (id),
    reference             varchar(20)   not null,
    title                 varchar(200)  not null,
    audit_type            varchar(30)   not null,
    certification_stage   varchar(30),
    certification_body    varchar(200),
    party                 varchar(200),
    contract_reference    varchar(200),
    objectives            varchar(4000) not null,
    criteria              varchar(4000) not null,
    area_ids              varchar(4000),
    planned_start         date          not null,
    planned_end           date          not null,
    status                varchar(20)   not null,
    cancel_reason         varchar(2000),
    conclusion            varchar(8000),
    started_at            timestamp with time zone,
    reported_at           timestamp with time zone,
    closed_at             timestamp with time zone,
    created_by            uuid          not null references app_user (id),
    created_at            timestamp with time zone not null,
    version               bigint        not null,
    constraint uk_audit_reference unique (organisation_id, reference)
);
create index ix_audit_programme on audit (organisation_id, programme_id, planned_start);
create index ix_audit_status on audit (organisation_id, status, planned_start);
create index ix_audit_type on audit (organisation_id, audit_type, planned_start);

create table audit_team_member (
    id                      uuid primary key,
    organisation_id         uuid          not null references organisation (id),
    audit_id                uuid          not null references audit (id),
    user_id                 uuid references app_user (id),
    external_name           varchar(200),
    external_organisation   varchar(200),
    lead                    boolean       not null,
    override_justification  varchar(2000),
    version                 bigint        not null
);
create index ix_audit_team_audit on audit_team_member (audit_id);
create index ix_audit_team_user on audit_team_member (organisation_id, user_id);

create table audit_line (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    audit_id          uuid          not null references audit (id),
    position          integer       not null,
    requirement       varchar(100)  not null,
    result            varchar(30),
    notes             varchar(8000),
    evidence_seen     varchar(8000),
    improvement_id    uuid references improvement_record (id),
    version           bigint        not null,
    constraint uk_audit_line_requirement unique (audit_id, requirement)
);
create index ix_audit_line_requirement on audit_line (organisation_id, requirement);

-- A requirement deliberately left out of audits for the cycle that ends with the given year.
create table audit_exclusion (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    requirement       varchar(100)  not null,
    cycle_end_year    integer       not null,
    reason            varchar(2000) not null,
    decided_by        uuid          not null references app_user (id),
    decided_at        timestamp with time zone not null,
    version           bigint        not null,
    constraint uk_audit_exclusion unique (organisation_id, requirement, cycle_end_year)
);

create table audit_counter (
    organisation_id  uuid    not null references organisation (id),
    counter_year     integer not null,
    last_number      integer not null,
    primary key (organisation_id, counter_year)
);
