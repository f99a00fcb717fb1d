/** Frameworks and their requirements (ISO/IEC 27001:2022 clauses and Annex A controls), loaded from data files. */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package dev.ratchet.catalogue;
