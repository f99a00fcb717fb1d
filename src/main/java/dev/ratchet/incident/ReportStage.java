package dev.ratchet.incident;

import java.time.Duration;

/**
 * The reports an incident owes an authority once classified: NIS2 Article 23(4) for a significant incident (early
 * warning within 24 hours of becoming aware, notification within 72 hours, final report within one month of the
 * notification), DORA Article 19(4) for a major ICT-related incident with the time limits of Commission Delegated
 * Regulation (EU) 2025/301, Article 5 (initial notification within 4 hours of classification and 24 hours of
 * awareness, intermediate report within 72 hours of the initial notification, final report within one month of the
 * intermediate report). Each deadline follows from the one before, so a report sent early brings the next one forward.
 */
public enum ReportStage {
    NIS2_EARLY_WARNING(Regime.NIS2, "Early warning", "nis2-2022-2555:Art.23(4)(a)", Duration.ofHours(24), 0),
    NIS2_NOTIFICATION(Regime.NIS2, "Incident notification", "nis2-2022-2555:Art.23(4)(b)", Duration.ofHours(72), 0),
    NIS2_FINAL_REPORT(Regime.NIS2, "Final report", "nis2-2022-2555:Art.23(4)(d)", null, 1),
    DORA_INITIAL_NOTIFICATION(Regime.DORA, "Initial notification", "dora-2022-2554:Art.19(4)(a)", Duration.ofHours(24), 0),
    DORA_INTERMEDIATE_REPORT(Regime.DORA, "Intermediate report", "dora-2022-2554:Art.19(4)(b)", Duration.ofHours(72), 0),
    DORA_FINAL_REPORT(Regime.DORA, "Final report", "dora-2022-2554:Art.19(4)(c)", null, 1);

    public enum Regime {
        NIS2("nis2-2022-2555", "NIS2", "significant incident", "the CSIRT or competent authority"),
        DORA("dora-2022-2554", "DORA", "major ICT-related incident", "the competent authority");

        private final String framework;
        private final String label;
        private final String classification;
        private final String recipient;

        Regime(String framework, String label, String classification, String recipient) {
            this.framework = framework;
            this.label = label;
            this.classification = classification;
            this.recipient = recipient;
        }

        public String framework() { return framework; }
        public String label() { return label; }
        public String classification() { return classification; }
        public String recipient() { return recipient; }
    }

    private final Regime regime;
    private final String label;
    private final String requirement;
    private final Duration within;
    private final int months;

    ReportStage(Regime regime, String label, String requirement, Duration within, int months) {
        this.regime = regime;
        this.label = label;
        this.requirement = requirement;
        this.within = within;
        this.months = months;
    }

    public Regime regime() { return regime; }
    public String label() { return label; }
    /** The requirement of the framework's catalogue that asks for the report. */
    public String requirement() { return requirement; }
    /** The time allowed after the previous report's deadline (after awareness for the first), or null for months. */
    public Duration within() { return within; }
    public int months() { return months; }

    /** How the deadline reads: "within 24 hours of becoming aware". */
    public String rule() {
        return switch (this) {
            case NIS2_EARLY_WARNING -> "within 24 hours of becoming aware";
            case NIS2_NOTIFICATION -> "within 72 hours of becoming aware";
            case NIS2_FINAL_REPORT -> "within one month of the incident notification";
            case DORA_INITIAL_NOTIFICATION -> "within 4 hours of classification as major and 24 hours of becoming aware";
            case DORA_INTERMEDIATE_REPORT -> "within 72 hours of the initial notification";
            case DORA_FINAL_REPORT -> "within one month of the intermediate report";
        };
    }

    public static java.util.List<ReportStage> of(Regime regime) {
        return java.util.Arrays.stream(values()).filter(s -> s.regime == regime).toList();
    }
}
