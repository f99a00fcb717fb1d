-- Evidence files: what they are, when the evidence was produced, and their SHA-256; the bytes in a table of their
-- own so that lists never load them. A backup of the database is a backup of the evidence.
create table evidence_file (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    owner_type       varchar(40)   not null,
    owner_id         uuid          not null,
    file_name        varchar(255)  not null,
    content_type     varchar(100)  not null,
    size_bytes       bigint        not null,
    sha256           varchar(64)   not null,
    evidence_date    date          not null,
    description      varchar(1000),
    uploaded_by      uuid          not null references app_user (id),
    uploaded_at      timestamp with time zone not null,
    version          bigint        not null
);
create index ix_evidence_owner on evidence_file (organisation_id, owner_id);

create table evidence_content (
    id       uuid primary key references evidence_file (id),
    content  bytea not null
);
