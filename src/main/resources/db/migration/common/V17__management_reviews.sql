-- Management review (clause 9.3): the team, and each review with its input pack frozen when the meeting starts.
create table review_team (
    organisation_id   uuid primary key references organisation (id),
    chair_id          uuid references app_user (id),
    deputy_ids        varchar(4000),
    member_ids        varchar(4000),
    quorum            integer       not null,
    oversight         varchar(4000) not null,
    version           bigint        not null
);

create table management_review (
    id                      uuid primary key,
    organisation_id         uuid          not null references organisation (id),
    reference               varchar(20)   not null,
    title                   varchar(200)  not null,
    planned_date            date          not null,
    period_from             date          not null,
    status                  varchar(20)   not null,
    external_internal_issues varchar(8000),
    interested_parties      varchar(8000),
    risk_assessment         varchar(8000),
    pack                    text,
    started_at              timestamp with time zone,
    created_by              uuid          not null references app_user (id),
    created_at              timestamp with time zone not null,
    version                 bigint        not null,
    constraint uk_management_review_reference unique (organisation_id, reference)
);
create index ix_management_review_date on management_review (organisation_id, planned_date);

create table review_counter (
    organisation_id  uuid    not null references organisation (id),
    counter_year     integer not null,
    last_number      integer not null,
    primary key (organisation_id, counter_year)
);
