package dev.ratchet.incident;

/**
 * The classification criteria of DORA Article 18 as Commission Delegated Regulation (EU) 2024/1772 sets them: an
 * ICT-related incident is major when it affected critical services and either involved malicious unauthorised access
 * that may lead to data losses, or met the thresholds of two or more of the other criteria.
 */
public enum DoraCriterion {
    CRITICAL_SERVICES("Critical or important functions, or services needing authorisation, were affected", true),
    MALICIOUS_ACCESS("Malicious unauthorised access to network and information systems that may lead to data losses", true),
    CLIENTS_AFFECTED("Clients, financial counterparts and transactions affected above the threshold", false),
    REPUTATION("Reputational impact (media, complaints, regulatory attention, clients lost)", false),
    DURATION("Duration over 24 hours, or service downtime of critical services over 2 hours", false),
    GEOGRAPHICAL_SPREAD("Impact in two or more Member States", false),
    DATA_LOSSES("Data losses: availability, authenticity, integrity or confidentiality of data affected", false),
    ECONOMIC_IMPACT("Direct and indirect costs and losses over EUR 100,000", false);

    private final String label;
    private final boolean special;

    DoraCriterion(String label, boolean special) {
        this.label = label;
        this.special = special;
    }

    public String label() { return label; }

    /** Whether these criteria, as met, make the incident major. */
    public static boolean major(java.util.Collection<DoraCriterion> met) {
        if (!met.contains(CRITICAL_SERVICES)) {
            return false;
        }
        return met.contains(MALICIOUS_ACCESS) || met.stream().filter(c -> !c.special).count() >= 2;
    }
}
