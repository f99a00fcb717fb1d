package dev.ratchet.improvement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an earlier tracker's words are read: which column is which (by its header), and what each value of a column
 * most likely means in Ratchet ("Observation" as a severity is an opportunity, "Awaiting verification" a record in
 * its effectiveness review). Every guess is shown and can be changed before anything is imported.
 */
final class TrackerValues {

    private TrackerValues() {
    }

    /** The headers each field is known by, compared without case, spaces or punctuation. */
    static final Map<TrackerMigration.Target, List<String>> SYNONYMS = new LinkedHashMap<>();

    static {
        SYNONYMS.put(TrackerMigration.Target.REFERENCE, List.of("reference", "ref", "refno", "id", "nc", "ncno", "ncnumber", "ncid", "number", "no",
                "ncr", "ncrno", "ncrnumber", "car", "carno", "logno", "findingid", "findingno", "findingref", "findingnumber", "issueid"));
        SYNONYMS.put(TrackerMigration.Target.TITLE, List.of("title", "summary", "issue", "finding", "nonconformity", "subject", "shortdescription",
                "issuefinding", "problem", "headline", "findingtitle"));
        SYNONYMS.put(TrackerMigration.Target.DESCRIPTION, List.of("description", "details", "detail", "whathappened", "fulldescription",
                "longdescription", "evidence", "findingdescription", "ncdescription", "observation"));
        SYNONYMS.put(TrackerMigration.Target.KIND, List.of("kind", "type", "category", "nctype", "recordtype", "ncofi", "findingtype", "ncclass"));
        SYNONYMS.put(TrackerMigration.Target.SOURCE, List.of("source", "origin", "foundby", "foundin", "raisedfrom", "identifiedby",
                "detectionsource", "audittype", "findingsource", "sourceoffinding", "audit"));
        SYNONYMS.put(TrackerMigration.Target.GRADE, List.of("grade", "severity", "classification", "majorminor", "level", "rating", "ncgrade"));
        SYNONYMS.put(TrackerMigration.Target.STATUS, List.of("status", "state", "progress", "openclosed", "currentstatus", "ncstatus"));
        SYNONYMS.put(TrackerMigration.Target.OWNER, List.of("owner", "actionowner", "responsible", "assignee", "assignedto", "responsibleperson",
                "ownedby", "ncowner", "accountable"));
        SYNONYMS.put(TrackerMigration.Target.AREA, List.of("area", "department", "process", "team", "function", "businessunit", "site",
                "location", "processarea", "auditarea", "dept"));
        SYNONYMS.put(TrackerMigration.Target.REQUIREMENTS, List.of("clause", "section", "control", "requirement", "requirements", "isoclause",
                "standardclause", "clauseref", "controlref", "annexa", "isoref", "clausecontrol", "isoreference", "standardreference"));
        SYNONYMS.put(TrackerMigration.Target.RAISED_ON, List.of("raisedon", "dateraised", "raised", "opened", "dateopened", "date", "datefound",
                "reported", "datereported", "reportedon", "created", "dateidentified", "identified", "found", "opendate", "raiseddate"));
        SYNONYMS.put(TrackerMigration.Target.TARGET_DATE, List.of("targetdate", "target", "due", "duedate", "deadline", "targetcompletion",
                "targetclosuredate", "targetclosedate", "dueby"));
        SYNONYMS.put(TrackerMigration.Target.CLOSED_ON, List.of("closedon", "closed", "dateclosed", "closuredate", "completed", "completedon",
                "datecompleted", "closeddate", "closedate"));
        SYNONYMS.put(TrackerMigration.Target.ROOT_CAUSE, List.of("rootcause", "cause", "rootcauseanalysis", "rca", "why", "causes"));
        SYNONYMS.put(TrackerMigration.Target.CORRECTION, List.of("correction", "immediatecorrection", "immediateaction", "containment",
                "containmentaction", "fix", "quickfix", "immediatefix"));
        SYNONYMS.put(TrackerMigration.Target.CORRECTIVE_ACTION, List.of("correctiveaction", "correctiveactions", "actionplan", "action",
                "actions", "actiontaken", "proposedaction", "ca", "capa", "correctiveactionplan", "plannedaction"));
        SYNONYMS.put(TrackerMigration.Target.EFFECTIVENESS, List.of("effectivenessverified", "effectiveness", "verification", "verified",
                "effectivenesscheck", "effectivenessreview", "verifiedeffective", "effective", "effectivenessverification"));
    }

    static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** How strongly a row looks like a header row: known headers count 2, headers that contain a known word 1. */
    static int headerScore(List<String> cells) {
        int score = 0;
        for (String cell : cells) {
            String k = key(cell);
            if (k.isEmpty() || cell.length() > 60) {
                continue;
            }
            if (SYNONYMS.values().stream().anyMatch(s -> s.contains(k))) {
                score += 2;
            }
            else if (SYNONYMS.values().stream().flatMap(List::stream).anyMatch(s -> s.length() > 3 && k.contains(s))) {
                score += 1;
            }
        }
        return score;
    }

    /** A value as the mapping remembers it: trimmed, lower case, inner spaces as one. */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_VERIFIED = Pattern.compile("(no|n|false|pending|tbc|tbd|not yet|not verified|awaiting.*|-|n/?a|open|0)");
    private static final Pattern NOT_EFFECTIVE = Pattern.compile(".*(not effective|ineffective|failed|not successful|\\bno\\b.*effective).*");

    static String valueKey(String value) {
        String k = SPACES.matcher(value.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        return k.length() > 200 ? k.substring(0, 200) : k;
    }

    static String kind(String value) {
        String v = valueKey(value);
        if (v.matches(".*\\bmajor\\b.*")) return "MAJOR";
        if (v.matches(".*\\bminor\\b.*")) return "MINOR";
        if (v.matches(".*(\\bobs|\\bofi\\b|opportunit|improvement|enhancement|suggestion|recommendation|good practice|\\bidea\\b).*")) return "OPPORTUNITY";
        if (v.matches(".*(\\bnc\\b|\\bncr\\b|non.?conform|non.?complian|defect|finding|deviation|\\bissue\\b|incident|problem|\\bcar\\b).*")) return "NONCONFORMITY";
        return null;
    }

    static String grade(String value) {
        String v = valueKey(value);
        if (v.matches("(.*\\bmaj.*|high|critical|severe|1|cat ?1|category 1|a)")) return "MAJOR";
        if (v.matches("(.*\\bmin.*|low|medium|moderate|2|3|cat ?2|category 2|b)")) return "MINOR";
        if (v.matches(".*(\\bobs|\\bofi\\b|opportunit|improvement|recommendation|suggestion|enhancement|comment).*")) return "OPPORTUNITY";
        if (v.matches("(none|n/?a|-|not graded|ungraded|tbc|tbd)")) return "NONE";
        return null;
    }

    static String status(String value) {
        String v = valueKey(value);
        for (Status s : Status.values()) {
            if (s.label().equalsIgnoreCase(v) && s.isOpen() && s != Status.EFFECTIVENESS_REVIEW && s != Status.IMPLEMENTED) {
                return TrackerMigration.OPEN; // Ratchet's own open stages: the row's evidence places the record
            }
            if (s.label().equalsIgnoreCase(v)) {
                return s.name();
            }
        }
        if (v.matches(".*(reject|cancel|withdrawn|\\bvoid\\b|duplicate|not an? (nc|issue|nonconformity)|invalid|not valid).*")) return Status.REJECTED.name();
        if (v.matches(".*(awaiting (verification|effectiveness|review)|pending verification|to (be )?verif|effectiveness (check|review)|monitoring|under review|awaiting closure review).*")) {
            return Status.EFFECTIVENESS_REVIEW.name();
        }
        if (v.matches(".*(implemented|awaiting closure|ready (to|for) clos).*")) return Status.IMPLEMENTED.name();
        if (v.matches(".*(not closed|re-?opened|not (yet )?(complete|done|resolved)).*")) return TrackerMigration.OPEN;
        if (v.matches(".*(closed|complete|done|resolved|verified|effective|finished|fixed|\\bok\\b|accepted).*")) return Status.CLOSED.name();
        if (v.matches(".*(\\bopen|new|raised|reported|in progress|ongoing|pending|investigat|overdue|on hold|hold|wip"
                + "|started|assigned|blocked|planned|action|analys|contain|late|draft).*")) {
            return TrackerMigration.OPEN;
        }
        return null;
    }

    static String source(String value, String header) {
        String v = valueKey(value);
        for (Source s : Source.values()) {
            if (s.label().equalsIgnoreCase(v) || s.name().equalsIgnoreCase(v)) {
                return s.name();
            }
        }
        boolean audit = key(header).contains("audit");
        if (v.matches(".*(certif|external|surveillance|stage ?[12]|recertif|registrar|\\bcb\\b|bsi|lrqa|sgs|dnv|tuv|tüv).*")) return Source.CERTIFICATION_AUDIT.name();
        if (v.matches(".*((client|customer|third.party|supplier|2nd.party|second.party)( audit)?).*") && (audit || v.contains("audit"))) return Source.CLIENT_AUDIT.name();
        if (v.matches(".*(internal|1st.party|first.party|self.assess).*") || v.matches(".*\\baudit.*")) return Source.INTERNAL_AUDIT.name();
        if (v.matches(".*(incident|breach|outage|event).*")) return Source.INCIDENT.name();
        if (v.matches(".*(management review|\\bmr\\b|\\bmrm\\b).*")) return Source.MANAGEMENT_REVIEW.name();
        if (v.matches(".*(change).*")) return Source.CHANGE.name();
        if (v.matches(".*(objective|kpi|metric|measure).*")) return Source.OBJECTIVE_REVIEW.name();
        if (v.matches(".*(legal|regulat|\\blaw\\b|gdpr|legislation).*")) return Source.LEGAL_CHANGE.name();
        if (v.matches(".*(feedback|complaint|customer|staff|suggestion|whistle).*")) return Source.FEEDBACK.name();
        if (v.matches(".*(policy|compliance check|compliance).*")) return Source.POLICY_COMPLIANCE.name();
        if (v.matches(".*(other|misc|general|n/?a).*")) return Source.OTHER.name();
        return null;
    }

    /** What an "effectiveness verified" cell says: a date, yes or no, not effective, or a note. */
    record Verification(Boolean effective, String dateText, String note) {
    }

    private static final Pattern DATE_IN_TEXT = Pattern.compile("(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2} [A-Za-z]{3,9} \\d{4})");

    static Verification verification(String value) {
        String v = valueKey(value);
        if (v.isEmpty() || NOT_VERIFIED.matcher(v).matches()) {
            return new Verification(null, null, null);
        }
        Matcher date = DATE_IN_TEXT.matcher(value);
        String dateText = date.find() ? date.group(1) : null;
        if (NOT_EFFECTIVE.matcher(v).matches()) {
            return new Verification(false, dateText, value.strip());
        }
        return new Verification(true, dateText, value.strip());
    }

    /** Clause and control numbers as people write them: "A.8.8", "8.8", "Clause 9.2", "A5.15; A.8.32". */
    record Requirements(List<String> codes, List<String> unknown) {
    }

    private static final Pattern REQUIREMENT = Pattern.compile("(?i)(\\bA\\s*\\.?\\s*)?\\b(\\d{1,2}(?:\\.\\d{1,2}){0,2})\\b");

    static Requirements requirements(String text, String header, java.util.function.Predicate<String> known) {
        String lower = text.toLowerCase(Locale.ROOT);
        String h = header.toLowerCase(Locale.ROOT);
        boolean controls = lower.contains("control") || lower.contains("annex") || !lower.contains("clause") && (h.contains("control") || h.contains("annex"));
        List<String> codes = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Matcher m = REQUIREMENT.matcher(text);
        while (m.find()) {
            String number = m.group(2);
            String found;
            if (m.group(1) != null) {
                found = known.test("A." + number) ? "A." + number : null;
            }
            else if (controls) {
                found = known.test("A." + number) ? "A." + number : known.test(number) ? number : null;
            }
            else {
                found = known.test(number) ? number : known.test("A." + number) ? "A." + number : null;
            }
            if (found == null) {
                unknown.add((m.group(1) == null ? "" : "A.") + number);
            }
            else if (!codes.contains(found)) {
                codes.add(found);
            }
        }
        if (codes.isEmpty() && unknown.isEmpty() && !text.isBlank()) {
            unknown.add(text.strip());
        }
        return new Requirements(codes, unknown);
    }
}
