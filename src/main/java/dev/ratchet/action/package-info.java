/** One kind of action item for everything owed: corrective actions now, audit and review actions later. */
@org.springframework.modulith.ApplicationModule(displayName = "Actions")
package dev.ratchet.action;
