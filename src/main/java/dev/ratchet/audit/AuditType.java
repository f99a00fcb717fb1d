package dev.ratchet.audit;

import dev.ratchet.improvement.Source;

/** Who audits: ourselves, a certification body, or a client or other party under contract. */
public enum AuditType {
    INTERNAL("Internal audit", Source.INTERNAL_AUDIT),
    CERTIFICATION("Certification audit", Source.CERTIFICATION_AUDIT),
    CLIENT_OR_THIRD_PARTY("Client or third-party audit", Source.CLIENT_AUDIT);

    private final String label;
    private final Source source;

    AuditType(String label, Source source) {
        this.label = label;
        this.source = source;
    }

    public String label() { return label; }

    /** The source an improvement record raised from this audit's findings carries. */
    public Source source() { return source; }
}
