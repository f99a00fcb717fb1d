/**
 * Documents for people outside Ratchet: PDF rendered from a Thymeleaf template with openhtmltopdf, DOCX written
 * with Apache POI. Used by the modules that hand out reports, minutes and policies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package dev.ratchet.document;
