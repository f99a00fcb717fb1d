-- The organisation's logo (issue 20): on the first page of every document Ratchet prints, PDF and Word. One per
-- organisation, PNG or JPEG, kept with its SHA-256 (the history records that, not the bytes).
create table organisation_logo (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    file_name        varchar(255)  not null,
    content_type     varchar(40)   not null,
    size_bytes       integer       not null,
    sha256           varchar(64)   not null,
    content          bytea         not null,
    uploaded_by      uuid          not null references app_user (id),
    uploaded_at      timestamp with time zone not null,
    version          bigint        not null,
    constraint uk_organisation_logo unique (organisation_id)
);
