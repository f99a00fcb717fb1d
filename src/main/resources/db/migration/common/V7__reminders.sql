-- ShedLock's table: a scheduled job runs on one instance at a time.
create table shedlock (
    name        varchar(64)  primary key,
    lock_until  timestamp    not null,
    locked_at   timestamp    not null,
    locked_by   varchar(255) not null
);

-- Every reminder sent, once per action, kind, due date and recipient: inserted in the transaction that sends it,
-- so a restart or a second instance never sends it again. A moved due date arms the reminders anew.
create table action_reminder (
    action_id     uuid         not null references action_item (id),
    kind          varchar(30)  not null,
    due_date      date         not null,
    recipient_id  uuid         not null references app_user (id),
    sent_at       timestamp with time zone not null,
    primary key (action_id, kind, due_date, recipient_id)
);
