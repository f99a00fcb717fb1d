-- What the reminders and escalations say, also inside Ratchet, for organisations without mail.
create table notification (
    id               uuid primary key,
    organisation_id  uuid          not null references organisation (id),
    user_id          uuid          not null references app_user (id),
    message          varchar(500)  not null,
    link             varchar(500)  not null,
    created_at       timestamp with time zone not null,
    read_at          timestamp with time zone
);
create index ix_notification_user on notification (user_id, organisation_id, created_at);
