-- A POST to the API sent with an Idempotency-Key: the first answer is kept for a day, so that a client retrying after
-- a timeout gets that answer again instead of creating a second record. One row per person and key; the row exists
-- (without an answer) while the first request runs, so a concurrent retry is told to wait instead of running twice.
create table idempotent_request (
    user_id          uuid          not null references app_user (id),
    idempotency_key  varchar(255)  not null,
    fingerprint      varchar(64)   not null,
    status           integer,
    content_type     varchar(255),
    location         varchar(2000),
    body             bytea,
    created_at       timestamp with time zone not null,
    primary key (user_id, idempotency_key)
);
create index ix_idempotent_request_created on idempotent_request (created_at);
