/**
 * Ids, the clock, the current organisation, refusals and problem details: open to every module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.ratchet.shared;
