package dev.ratchet.shared;

/**
 * Who may do what, as expressions for {@code @PreAuthorize}. Roles are those of the current organisation only;
 * the authorization matrix test checks every endpoint against {@code authorization-matrix.csv}.
 */
public final class Access {

    /** Any member of the current organisation, guests included: reading. */
    public static final String MEMBER = "hasAnyRole('ADMIN','ISMS_MANAGER','AUDITOR','CONTRIBUTOR','MANAGEMENT','GUEST_AUDITOR')";

    /** Reporting and working on improvement records and actions: everyone but read-only guests. */
    public static final String REPORT = "hasAnyRole('ADMIN','ISMS_MANAGER','AUDITOR','CONTRIBUTOR','MANAGEMENT')";

    /** Managing people, roles and organisations. */
    public static final String ADMIN = "hasRole('ADMIN')";

    /** Configuring how the ISMS runs: settings, areas. */
    public static final String CONFIGURE = "hasAnyRole('ADMIN','ISMS_MANAGER')";

    /** Working on audits: the ISMS manager, and internal auditors (on the audits whose team they are on). */
    public static final String AUDIT = "hasAnyRole('ADMIN','ISMS_MANAGER','AUDITOR')";

    /** Top management's approvals: the audit programme. */
    public static final String APPROVE = "hasRole('MANAGEMENT')";

    /** Checking that the history is intact: those who answer for the evidence, and auditors. */
    public static final String VERIFY_HISTORY = "hasAnyRole('ADMIN','ISMS_MANAGER','AUDITOR','GUEST_AUDITOR')";

    /** A person signed in completely (second factor included), whatever their organisation. */
    public static final String SIGNED_IN = "hasAuthority('SIGNED_IN')";

    private Access() {
    }
}
