package dev.ratchet.soa;

/** A row of an approved version, as it was approved: plain text in the columns auditors know. */
record FrozenRow(String code, String title, String applicable, String justification, String status, String implementation,
        String owner, String policies, String evidence) {

    static FrozenRow of(SoaRow r) {
        return new FrozenRow(r.code(), r.title(), r.applicable() == null ? "Not decided" : r.applicable() ? "Yes" : "No",
                r.justification(), r.status().label(), r.implementation() == null ? "" : r.implementation(),
                r.ownerName() == null ? "" : r.ownerName(),
                String.join(", ", r.policies().stream().map(p -> p.reference() + " " + p.title()).toList()),
                String.join(", ", r.evidence().stream().map(e -> e.fileName() + " (" + e.evidenceDate() + (e.stale() ? ", stale" : "") + ")").toList()));
    }

    java.util.List<String> cells() {
        return java.util.List.of(code, title, applicable, justification, status, implementation, owner, policies, evidence);
    }

    static final java.util.List<String> HEADERS = java.util.List.of("Control", "Title", "Applicable", "Justification", "Status",
            "Implementation", "Owner", "Policies", "Evidence");
}
