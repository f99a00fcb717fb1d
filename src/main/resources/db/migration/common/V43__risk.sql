-- Risk assessment and treatment (ISO/IEC 27001:2022 6.1.2, 6.1.3, 8.2, 8.3).

-- The risk criteria: scales, matrix, acceptance criteria and cadence, versioned and approved like a policy version.
-- The scales, levels and matrix are JSON written and read by the risk module only.
create table risk_criteria (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    number            integer       not null,
    status            varchar(20)   not null,
    likelihoods       varchar(4000) not null,
    impacts           varchar(4000) not null,
    levels            varchar(2000) not null,
    matrix            varchar(400)  not null,
    cadence_months    integer       not null,
    reassess_when     varchar(2000),
    created_at        timestamp with time zone not null,
    created_by        uuid references app_user (id),
    approved_at       timestamp with time zone,
    approved_by       uuid references app_user (id),
    approval_note     varchar(2000),
    version           bigint        not null,
    constraint uk_risk_criteria_number unique (organisation_id, number)
);

create table risk (
    id                   uuid primary key,
    organisation_id      uuid          not null references organisation (id),
    reference            varchar(40)   not null,
    title                varchar(200)  not null,
    threat               varchar(4000) not null,
    vulnerability        varchar(4000),
    consequence          varchar(4000) not null,
    assets               varchar(1000),
    area_id              uuid,
    owner_id             uuid          not null references app_user (id),
    category             varchar(60),
    requirements         varchar(4000),
    existing_controls    varchar(4000),
    criteria_id          uuid          not null references risk_criteria (id),
    inherent_likelihood  integer       not null,
    inherent_impact      integer       not null,
    inherent_level       integer       not null,
    current_likelihood   integer       not null,
    current_impact       integer       not null,
    current_level        integer       not null,
    target_level         integer       not null,
    treatment            varchar(20)   not null,
    status               varchar(20)   not null,
    assessed_on          date          not null,
    next_assessment_due  date          not null,
    closed_reason        varchar(2000),
    created_at           timestamp with time zone not null,
    version              bigint        not null,
    constraint uk_risk_reference unique (organisation_id, reference)
);
create index ix_risk_level on risk (organisation_id, current_level, reference);
create index ix_risk_owner on risk (organisation_id, owner_id, status);
create index ix_risk_due on risk (organisation_id, next_assessment_due);
create index ix_risk_cell on risk (organisation_id, current_likelihood, current_impact);

create table risk_requirement (
    risk_id      uuid         not null references risk (id),
    requirement  varchar(80)  not null,
    primary key (risk_id, requirement)
);
create index ix_risk_requirement on risk_requirement (requirement);

-- Each assessment is a dated entry that is never changed: who, why, under which criteria, with what result.
create table risk_assessment (
    id                   uuid primary key,
    organisation_id      uuid          not null references organisation (id),
    risk_id              uuid          not null references risk (id),
    assessed_on          date          not null,
    assessed_at          timestamp with time zone not null,
    assessed_by          uuid          not null references app_user (id),
    reason               varchar(30)   not null,
    criteria_id          uuid          not null references risk_criteria (id),
    inherent_likelihood  integer       not null,
    inherent_impact      integer       not null,
    inherent_level       integer       not null,
    current_likelihood   integer       not null,
    current_impact       integer       not null,
    current_level        integer       not null,
    target_level         integer       not null,
    note                 varchar(4000),
    basis_action_id      uuid,
    version              bigint        not null
);
create index ix_risk_assessment on risk_assessment (risk_id, assessed_at);
create index ix_risk_assessment_day on risk_assessment (organisation_id, assessed_on);

-- The acceptance of a risk's residual level: a record of its own, withdrawn on change, ended by its expiry.
create table risk_acceptance (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    risk_id          uuid          not null references risk (id),
    accepted_by      uuid          not null references app_user (id),
    accepted_as      varchar(20)   not null,
    accepted_at      timestamp with time zone not null,
    rationale        varchar(4000) not null,
    expires_on       date          not null,
    accepted_level   integer       not null,
    level_name       varchar(60)   not null,
    treatment        varchar(20)   not null,
    owner_id         uuid          not null,
    status           varchar(20)   not null,
    ended_at         timestamp with time zone,
    end_reason       varchar(1000),
    version          bigint        not null
);
create index ix_risk_acceptance on risk_acceptance (risk_id, accepted_at);
create index ix_risk_acceptance_expiry on risk_acceptance (status, expires_on);

-- A treatment action (in the action tracker) with the controls it implements.
create table risk_treatment (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    risk_id          uuid          not null references risk (id),
    action_id        uuid          not null,
    controls         varchar(2000),
    created_at       timestamp with time zone not null,
    version          bigint        not null,
    constraint uk_risk_treatment_action unique (action_id)
);
create index ix_risk_treatment on risk_treatment (risk_id);

-- A record of the loop (nonconformity, incident, change, obligation change, audit finding) that concerns a risk, and
-- the re-assessment it asked of the risk owner.
create table risk_concern (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    risk_id           uuid          not null references risk (id),
    record_type       varchar(30)   not null,
    record_id         uuid          not null,
    record_reference  varchar(60)   not null,
    record_title      varchar(300),
    requested_by      uuid          not null references app_user (id),
    requested_at      timestamp with time zone not null,
    action_id         uuid,
    version           bigint        not null,
    constraint uk_risk_concern unique (risk_id, record_id)
);
create index ix_risk_concern_record on risk_concern (organisation_id, record_id);
