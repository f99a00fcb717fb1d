/** People, their memberships and roles per organisation, sign-in, second factor and API tokens. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.ratchet.identity;
