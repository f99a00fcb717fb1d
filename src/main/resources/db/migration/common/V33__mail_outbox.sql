-- Every e-mail Ratchet sends is first a row here, written in the transaction that decides to send it (a reminder's
-- claim, an invitation): nothing talks to the mail server inside a database transaction. The delivery job leases a
-- row (status SENDING, leased_until), sends it outside any transaction with time limits, and records the outcome:
-- SENT with its time, back to PENDING with the next attempt after a back-off, FAILED after the last attempt, or
-- SKIPPED when it was too old to matter by the time a mail server could take it. A lease that runs out (the instance
-- died while sending) makes the row PENDING again for any instance: a message may be retried, never multiplied.
create table mail_outbox (
    id               uuid           primary key,
    organisation_id  uuid           references organisation (id),
    recipient        varchar(320)   not null,
    subject          varchar(500)   not null,
    body             text           not null,
    status           varchar(12)    not null,
    attempts         integer        default 0 not null,
    created_at       timestamp with time zone not null,
    next_attempt_at  timestamp with time zone not null,
    leased_until     timestamp with time zone,
    expires_at       timestamp with time zone,
    sent_at          timestamp with time zone,
    last_error       varchar(2000)
);
create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
create index ix_mail_outbox_organisation on mail_outbox (organisation_id, created_at);
