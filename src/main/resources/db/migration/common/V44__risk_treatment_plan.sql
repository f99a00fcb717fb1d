-- The risk treatment plan as approved (6.1.3 e-f): who approved it and when, and the documents as rendered at that
-- moment, so that a download after approval is the plan approved, whatever happens later to the risks and actions.
create table risk_plan_approval (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    number           integer       not null,
    approved_by      uuid          not null references app_user (id),
    approved_at      timestamp with time zone not null,
    note             varchar(2000),
    risks            integer       not null,
    open_actions     integer       not null,
    version          bigint        not null,
    constraint uk_risk_plan_approval unique (organisation_id, number)
);

create table risk_plan_document (
    approval_id      uuid          not null references risk_plan_approval (id),
    organisation_id  uuid          not null references organisation (id),
    format           varchar(10)   not null,
    content          bytea         not null,
    sha256           varchar(64)   not null,
    primary key (approval_id, format)
);
