-- Approved minutes, frozen: the documents as rendered when the chair approved them (and again, with the amendment,
-- when one is recorded), and the model they were rendered from, so that a download after approval is the document
-- approved, whatever happens later to the actions, the people's names or the settings.
create table review_document (
    review_id        uuid          not null references management_review (id),
    organisation_id  uuid          not null references organisation (id),
    format           varchar(10)   not null,
    content          bytea         not null,
    sha256           varchar(64)   not null,
    rendered_at      timestamp with time zone not null,
    primary key (review_id, format)
);
