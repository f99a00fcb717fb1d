/** The layout, navigation, error pages, access log and security configuration shared by every screen. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package dev.ratchet.web;
