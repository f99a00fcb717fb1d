-- Every attempt's analysis of a nonconformity (clause 10.2 b) kept as its own row: a second analysis after an
-- ineffective corrective action no longer overwrites the first. The record keeps the current one as before.
create table improvement_analysis (
    id                        uuid primary key,
    organisation_id           uuid          not null references organisation (id),
    record_id                 uuid          not null references improvement_record (id),
    attempt                   integer       not null,
    review_summary            varchar(4000) not null,
    rca_method                varchar(20)   not null,
    rca_detail                varchar(8000),
    rca_explanation           varchar(4000),
    root_cause                varchar(2000) not null,
    similar_records           varchar(2000),
    could_occur_elsewhere     boolean       not null,
    elsewhere_judgement       varchar(4000) not null,
    corrective_action_needed  boolean,
    no_action_justification   varchar(4000),
    analysed_by               uuid references app_user (id),
    analysed_at               timestamp with time zone not null,
    version                   bigint        not null,
    constraint uk_improvement_analysis_attempt unique (record_id, attempt)
);
create index ix_improvement_analysis_org on improvement_analysis (organisation_id, record_id);

-- The analyses recorded before attempts were kept: the current one, as the attempt it belongs to. The decision on
-- corrective action is cleared on the record when an attempt fails, so it is taken from the attempt's reviews then.
insert into improvement_analysis (id, organisation_id, record_id, attempt, review_summary, rca_method, rca_detail,
        rca_explanation, root_cause, similar_records, could_occur_elsewhere, elsewhere_judgement, corrective_action_needed,
        no_action_justification, analysed_by, analysed_at, version)
select r.id, r.organisation_id, r.id,
       case when r.corrective_action_needed is null and r.attempt > 1 then r.attempt - 1 else r.attempt end,
       r.review_summary, r.rca_method, r.rca_detail, r.rca_explanation, r.root_cause, r.similar_records,
       r.could_occur_elsewhere, r.elsewhere_judgement,
       case when r.corrective_action_needed is null and r.attempt > 1 then true else r.corrective_action_needed end,
       r.no_action_justification, null, r.analysed_at, 0
from improvement_record r
where r.kind = 'NONCONFORMITY' and r.analysed_at is not null and r.review_summary is not null and r.rca_method is not null
  and r.root_cause is not null and r.could_occur_elsewhere is not null and r.elsewhere_judgement is not null;
