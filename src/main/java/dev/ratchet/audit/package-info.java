/**
 * Audits (clause 9.2): the yearly audit programme and its approval; internal, certification and client or
 * third-party audits with their team, scope and checklist; auditor independence; findings raised into the
 * improvement register; reports as PDF and DOCX; and the coverage of the catalogue over a certification cycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audits")
package dev.ratchet.audit;
