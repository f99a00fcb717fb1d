-- Signals that feed improvement: information security objectives with their measurements and yearly reviews
-- (clauses 6.2 and 9.1), the incident learning record, and uploaded imports (kept as evidence of what came in).

create table objective (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    reference        varchar(20)   not null,
    title            varchar(300)  not null,
    measure          varchar(1000) not null,
    unit             varchar(40),
    target           numeric(19, 4) not null,
    direction        varchar(20)   not null,
    frequency        varchar(20)   not null,
    owner_id         uuid references app_user (id),
    data_source      varchar(1000),
    status           varchar(20)   not null,
    created_at       timestamp with time zone not null,
    version          bigint        not null,
    constraint uk_objective_reference unique (organisation_id, reference)
);
create index ix_objective_status on objective (organisation_id, status);

create table objective_measurement (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    objective_id     uuid          not null references objective (id),
    measured_on      date          not null,
    measured_value   numeric(19, 4) not null,
    comment_text     varchar(2000),
    origin           varchar(20)   not null,
    entered_by       uuid          not null references app_user (id),
    entered_at       timestamp with time zone not null,
    version          bigint        not null,
    constraint uk_measurement_day unique (objective_id, measured_on)
);
create index ix_measurement_objective on objective_measurement (objective_id, measured_on);

create table objective_review (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    objective_id     uuid          not null references objective (id),
    reviewed_on      date          not null,
    reviewer_id      uuid          not null references app_user (id),
    outcome          varchar(20)   not null,
    conclusion       varchar(4000) not null,
    version          bigint        not null
);
create index ix_objective_review on objective_review (objective_id, reviewed_on);

create table incident (
    id                 uuid primary key,
    organisation_id    uuid          not null references organisation (id),
    reference          varchar(40)   not null,
    title              varchar(200)  not null,
    occurred_at        timestamp with time zone,
    detected_at        timestamp with time zone not null,
    resolved_at        timestamp with time zone,
    category           varchar(30)   not null,
    severity           varchar(20)   not null,
    affected_assets    varchar(2000),
    area_ids           varchar(4000),
    summary            varchar(8000) not null,
    response           varchar(8000),
    lessons_learned    varchar(8000),
    created_by         uuid          not null references app_user (id),
    created_at         timestamp with time zone not null,
    version            bigint        not null,
    constraint uk_incident_reference unique (organisation_id, reference)
);
create index ix_incident_detected on incident (organisation_id, detected_at);
create index ix_incident_severity on incident (organisation_id, severity, detected_at);
create index ix_incident_category on incident (organisation_id, category, detected_at);

create table incident_counter (
    organisation_id  uuid    not null references organisation (id),
    counter_year     integer not null,
    last_number      integer not null,
    primary key (organisation_id, counter_year)
);

-- An uploaded CSV import: previewed first, imported all at once after confirmation.
create table import_upload (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    register         varchar(40)   not null,
    file_name        varchar(255)  not null,
    content          bytea         not null,
    row_count        integer       not null,
    status           varchar(20)   not null,
    uploaded_by      uuid          not null references app_user (id),
    uploaded_at      timestamp with time zone not null,
    imported_at      timestamp with time zone
);
create index ix_import_upload on import_upload (organisation_id, register, uploaded_at);
