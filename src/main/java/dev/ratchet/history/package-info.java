/**
 * The tamper-evident history of every record: who changed what, when, before and after, chained by hashes per
 * organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "History")
package dev.ratchet.history;
