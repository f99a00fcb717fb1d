-- The improvement register (nonconformities, opportunities, the clause 10.2 workflow) and action items.

alter table history_entry add column parent_id varchar(64);
create index ix_history_entry_parent on history_entry (organisation_id, parent_id);

alter table organisation add column trend_threshold integer default 3 not null;
alter table organisation add column trend_window_months integer default 12 not null;

create table action_item (
    id                   uuid primary key,
    organisation_id      uuid          not null references organisation (id),
    origin_type          varchar(40)   not null,
    origin_id            uuid          not null,
    origin_reference     varchar(40),
    attempt              integer       not null,
    title                varchar(200)  not null,
    description          varchar(4000),
    owner_id             uuid          not null references app_user (id),
    due_date             date          not null,
    success_criteria     varchar(2000) not null,
    status               varchar(20)   not null,
    cancel_reason        varchar(2000),
    completion_evidence  varchar(4000),
    completed_at         timestamp with time zone,
    completed_by         uuid references app_user (id),
    created_at           timestamp with time zone not null,
    version              bigint        not null
);
create index ix_action_owner_status on action_item (organisation_id, owner_id, status);
create index ix_action_status_due on action_item (organisation_id, status, due_date);
create index ix_action_origin on action_item (organisation_id, origin_id);

create table improvement_record (
    id                        uuid primary key,
    organisation_id           uuid          not null references organisation (id),
    kind                      varchar(20)   not null,
    reference                 varchar(20)   not null,
    title                     varchar(200)  not null,
    description               varchar(8000) not null,
    source                    varchar(40)   not null,
    source_reference          varchar(200),
    grade                     varchar(10),
    status                    varchar(30)   not null,
    area_id                   uuid references area (id),
    owner_id                  uuid references app_user (id),
    raised_by                 uuid          not null references app_user (id),
    raised_at                 timestamp with time zone not null,
    target_date               date,
    requirements              varchar(2000),
    tags                      varchar(500),
    rejection_reason          varchar(4000),
    correction                varchar(4000),
    consequences              varchar(4000),
    contained_at              timestamp with time zone,
    review_summary            varchar(4000),
    rca_method                varchar(20),
    rca_detail                varchar(8000),
    rca_explanation           varchar(4000),
    root_cause                varchar(2000),
    similar_records           varchar(2000),
    could_occur_elsewhere     boolean,
    elsewhere_judgement       varchar(4000),
    corrective_action_needed  boolean,
    no_action_justification   varchar(4000),
    analysed_at               timestamp with time zone,
    attempt                   integer       not null,
    implemented_at            timestamp with time zone,
    effectiveness_due         date,
    isms_changes              varchar(8000),
    evaluation                varchar(20),
    evaluation_reason         varchar(4000),
    deferred_until            date,
    benefit_realised          varchar(4000),
    recurrence_of             uuid references improvement_record (id),
    effectiveness_questioned  boolean       not null,
    closed_at                 timestamp with time zone,
    version                   bigint        not null,
    constraint uk_improvement_reference unique (organisation_id, reference)
);
create index ix_improvement_status on improvement_record (organisation_id, status);
create index ix_improvement_kind_raised on improvement_record (organisation_id, kind, raised_at);
create index ix_improvement_area on improvement_record (organisation_id, area_id);
create index ix_improvement_owner on improvement_record (organisation_id, owner_id);
create index ix_improvement_source on improvement_record (organisation_id, source);
create index ix_improvement_target on improvement_record (organisation_id, target_date);

-- The requirements a record affects, one row each: the filter's index (the record's own column is what history shows).
create table improvement_requirement (
    record_id    uuid         not null references improvement_record (id),
    requirement  varchar(80)  not null,
    primary key (record_id, requirement)
);
create index ix_improvement_requirement on improvement_requirement (requirement, record_id);

create table effectiveness_review (
    id                  uuid primary key,
    organisation_id     uuid          not null references organisation (id),
    record_id           uuid          not null references improvement_record (id),
    attempt             integer       not null,
    reviewer_id         uuid          not null references app_user (id),
    method              varchar(2000) not null,
    evidence            varchar(4000) not null,
    effective           boolean       not null,
    independence_note   varchar(2000),
    reviewed_at         timestamp with time zone not null,
    version             bigint        not null
);
create index ix_effectiveness_review_record on effectiveness_review (record_id);

-- Reference numbers per organisation, kind and year (NC-2026-014): taken under a row lock, never reused.
create table improvement_counter (
    organisation_id  uuid        not null references organisation (id),
    prefix           varchar(5)  not null,
    counter_year     integer     not null,
    last_number      integer     not null,
    primary key (organisation_id, prefix, counter_year)
);
