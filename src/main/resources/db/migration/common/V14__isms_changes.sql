-- The ISMS change log (clause 6.3).
create table isms_change (
    id                    uuid primary key,
    organisation_id       uuid          not null references organisation (id),
    reference             varchar(40)   not null,
    title                 varchar(200)  not null,
    reason                varchar(4000) not null,
    impact                varchar(4000) not null,
    planned_date          date          not null,
    approver_id           uuid references app_user (id),
    status                varchar(20)   not null,
    approved_by           uuid references app_user (id),
    approved_at           timestamp with time zone,
    rejection_reason      varchar(4000),
    implemented_on        date,
    review_note           varchar(4000),
    reviewed_at           timestamp with time zone,
    cause_reference       varchar(60),
    cause_improvement_id  uuid references improvement_record (id),
    created_by            uuid          not null references app_user (id),
    created_at            timestamp with time zone not null,
    version               bigint        not null,
    constraint uk_isms_change_reference unique (organisation_id, reference)
);
create index ix_isms_change_planned on isms_change (organisation_id, planned_date);
create index ix_isms_change_status on isms_change (organisation_id, status, planned_date);

create table change_counter (
    organisation_id  uuid    not null references organisation (id),
    counter_year     integer not null,
    last_number      integer not null,
    primary key (organisation_id, counter_year)
);
