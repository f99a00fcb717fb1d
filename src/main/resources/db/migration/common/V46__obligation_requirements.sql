-- The controls and requirements an obligation calls for, so that the Statement of Applicability names the obligation
-- among the reasons for including them.
alter table obligation add column requirements varchar(2000);

create table obligation_requirement (
    obligation_id  uuid         not null references obligation (id),
    requirement    varchar(80)  not null,
    primary key (obligation_id, requirement)
);
create index ix_obligation_requirement on obligation_requirement (requirement);
