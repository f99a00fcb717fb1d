/** Evidence files attached to records: type and size checked, stored with their SHA-256, served as downloads. */
@org.springframework.modulith.ApplicationModule(displayName = "Evidence")
package dev.ratchet.evidence;
