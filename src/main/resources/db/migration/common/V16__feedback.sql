-- Feedback from members and interested parties, and how each was dealt with.
create table feedback (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    reference        varchar(40)   not null,
    kind             varchar(20)   not null,
    subject          varchar(200)  not null,
    feedback_text    varchar(8000) not null,
    anonymous        boolean       not null,
    party_type       varchar(30)   not null,
    party_name       varchar(200),
    received_on      date          not null,
    submitted_by     uuid          not null references app_user (id),
    status           varchar(20)   not null,
    reply            varchar(4000),
    handled_by       uuid references app_user (id),
    handled_at       timestamp with time zone,
    improvement_id   uuid references improvement_record (id),
    version          bigint        not null,
    constraint uk_feedback_reference unique (organisation_id, reference)
);
create index ix_feedback_received on feedback (organisation_id, received_on);
create index ix_feedback_status on feedback (organisation_id, status, received_on);
create index ix_feedback_submitter on feedback (organisation_id, submitted_by);

create table feedback_counter (
    organisation_id  uuid    not null references organisation (id),
    counter_year     integer not null,
    last_number      integer not null,
    primary key (organisation_id, counter_year)
);
