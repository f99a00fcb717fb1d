-- Organisations, people, areas, API tokens and the history chain.
-- Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL 15+.

create table organisation (
    id                          uuid primary key,
    name                        varchar(120)  not null,
    scope_statement             varchar(4000),
    sector                      varchar(30)   not null,
    time_zone                   varchar(60)   not null,
    review_cadence_months       integer       not null,
    effectiveness_wait_days     integer       not null,
    reminder_lead_days          integer       not null,
    escalation_after_days       integer       not null,
    require_two_factor          boolean       not null,
    created_at                  timestamp with time zone not null,
    version                     bigint        not null
);

create table app_user (
    id                  uuid primary key,
    email               varchar(254)  not null,
    display_name        varchar(120)  not null,
    password_hash       varchar(200)  not null,
    enabled             boolean       not null,
    totp_secret         varchar(64),
    sessions_valid_from timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    version             bigint        not null,
    constraint uk_app_user_email unique (email)
);

create table membership (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    user_id          uuid          not null references app_user (id),
    roles            varchar(200)  not null,
    line_manager_id  uuid references app_user (id),
    active           boolean       not null,
    access_until     date,
    created_at       timestamp with time zone not null,
    version          bigint        not null,
    constraint uk_membership_org_user unique (organisation_id, user_id)
);
create index ix_membership_user on membership (user_id);

create table area (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    name             varchar(120)  not null,
    description      varchar(2000),
    owner_id         uuid references app_user (id),
    version          bigint        not null,
    constraint uk_area_org_name unique (organisation_id, name)
);

create table api_token (
    id            uuid primary key,
    user_id       uuid          not null references app_user (id),
    name          varchar(80)   not null,
    token_hash    varchar(64)   not null,
    prefix        varchar(16)   not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    version       bigint        not null,
    constraint uk_api_token_hash unique (token_hash)
);
create index ix_api_token_user on api_token (user_id);

-- The history: append-only, one hash chain per organisation (the all-zero id is the installation's own chain).
create table history_chain (
    organisation_id  uuid primary key,
    last_seq         bigint       not null,
    last_hash        varchar(64)  not null
);

create table history_entry (
    id               uuid primary key,
    organisation_id  uuid           not null,
    seq              bigint         not null,
    record_type      varchar(80)    not null,
    record_id        varchar(64)    not null,
    action           varchar(10)    not null,
    actor_id         uuid,
    actor_name       varchar(254)   not null,
    occurred_at      timestamp with time zone not null,
    changes          varchar(1000000) not null,
    previous_hash    varchar(64)    not null,
    hash             varchar(64)    not null,
    constraint uk_history_entry_seq unique (organisation_id, seq)
);
create index ix_history_entry_record on history_entry (organisation_id, record_type, record_id);
