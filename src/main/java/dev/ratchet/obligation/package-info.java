/**
 * Legal, regulatory, contractual and standards obligations: how each applies, who owns it, when it is reviewed next
 * (with a reminder through the action tracker), the changes to it with their impact, and the improvements they raise.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Obligations")
package dev.ratchet.obligation;
