/**
 * Registers as tables, out and in: CSV and XLSX exports that never let a cell run as a formula, and CSV imports
 * that read every row before writing any, naming each problem by row and column.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tables")
package dev.ratchet.tabular;
