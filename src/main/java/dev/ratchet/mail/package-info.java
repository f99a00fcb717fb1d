/**
 * Outgoing e-mail through an outbox: a message is queued in the transaction that decides it ({@link Outbox}) and
 * delivered afterwards, outside any transaction, with time limits, retries with back-off and a cap, its delivery
 * recorded; administrators see each message's state.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package dev.ratchet.mail;
