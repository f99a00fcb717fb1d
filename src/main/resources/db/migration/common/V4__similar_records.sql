-- The terms of each improvement record (words of title and description, its requirements and area), so that
-- similar records are found with an index, on H2 and PostgreSQL alike.
create table improvement_term (
    organisation_id  uuid         not null,
    term             varchar(60)  not null,
    record_id        uuid         not null references improvement_record (id),
    primary key (organisation_id, term, record_id)
);
create index ix_improvement_term_record on improvement_term (record_id);

-- How many records of the organisation carry each term (the pseudo-term '#' counts the records), kept with the
-- index so that a query weighs its terms without counting.
create table improvement_term_stat (
    organisation_id  uuid         not null,
    term             varchar(60)  not null,
    records          integer      not null,
    primary key (organisation_id, term)
);
