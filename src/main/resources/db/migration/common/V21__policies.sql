-- Policies (issue 8): the register with versions, the built-in Continual Improvement Policy generated from the
-- organisation's settings, exceptions, non-compliance and compliance checks with their results.
create table policy (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    reference         varchar(20)   not null,
    title             varchar(200)  not null,
    generated         boolean       not null,
    owner_id          uuid references app_user (id),
    approver_id       uuid references app_user (id),
    classification    varchar(40)   not null,
    review_months     integer       not null,
    next_review_date  date,
    created_by        uuid          not null references app_user (id),
    created_at        timestamp with time zone not null,
    version           bigint        not null,
    constraint uk_policy_reference unique (organisation_id, reference)
);
create index ix_policy_review on policy (organisation_id, next_review_date);

create table policy_version (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    policy_id         uuid          not null references policy (id),
    major             integer       not null,
    minor             integer       not null,
    status            varchar(20)   not null,
    content           text          not null,
    generated_from    text,
    change_summary    varchar(2000) not null,
    created_by        uuid          not null references app_user (id),
    created_at        timestamp with time zone not null,
    approved_by       uuid references app_user (id),
    approved_at       timestamp with time zone,
    version           bigint        not null
);
create index ix_policy_version on policy_version (policy_id, major, minor);

create table policy_exception (
    id                    uuid primary key,
    organisation_id       uuid          not null references organisation (id),
    reference             varchar(20)   not null,
    policy_id             uuid          not null references policy (id),
    clause                varchar(200),
    scope                 varchar(2000) not null,
    justification         varchar(4000) not null,
    risk                  varchar(4000) not null,
    compensating_controls varchar(4000) not null,
    action_plan           varchar(4000) not null,
    requester_id          uuid          not null references app_user (id),
    approver_id           uuid references app_user (id),
    approved_at           timestamp with time zone,
    review_date           date          not null,
    expiry_date           date          not null,
    closed_at             timestamp with time zone,
    created_at            timestamp with time zone not null,
    version               bigint        not null,
    constraint uk_policy_exception_reference unique (organisation_id, reference)
);
create index ix_policy_exception_expiry on policy_exception (organisation_id, expiry_date);
create index ix_policy_exception_policy on policy_exception (policy_id);

create table compliance_check (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    policy_id         uuid          not null references policy (id),
    title             varchar(200)  not null,
    method            varchar(2000) not null,
    frequency_months  integer       not null,
    owner_id          uuid references app_user (id),
    next_due          date          not null,
    active            boolean       not null,
    version           bigint        not null
);
create index ix_compliance_check_policy on compliance_check (policy_id);
create index ix_compliance_check_due on compliance_check (organisation_id, next_due);

create table compliance_result (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    check_id          uuid          not null references compliance_check (id),
    policy_id         uuid          not null references policy (id),
    checked_on        date          not null,
    passed            boolean       not null,
    notes             varchar(4000),
    improvement_id    uuid,
    improvement_reference varchar(20),
    recorded_by       uuid          not null references app_user (id),
    recorded_at       timestamp with time zone not null,
    version           bigint        not null
);
create index ix_compliance_result_check on compliance_result (check_id, checked_on);
create index ix_compliance_result_org on compliance_result (organisation_id, checked_on);

create table policy_noncompliance (
    id                uuid primary key,
    organisation_id   uuid          not null references organisation (id),
    policy_id         uuid          not null references policy (id),
    description       varchar(4000) not null,
    found_on          date          not null,
    improvement_id    uuid,
    improvement_reference varchar(20),
    reported_by       uuid          not null references app_user (id),
    reported_at       timestamp with time zone not null,
    version           bigint        not null
);
create index ix_policy_noncompliance on policy_noncompliance (policy_id);

create table policy_counter (
    organisation_id  uuid    not null references organisation (id),
    counter_year     integer not null,
    last_number      integer not null,
    primary key (organisation_id, counter_year)
);
