package dev.ratchet.evidence;

import java.util.UUID;

import dev.ratchet.shared.Tenant;

/**
 * A module that keeps files through the evidence module says who may download those of its records, when not every
 * member may read the record (a guest auditor sees approved minutes and approved policy versions only). Without an
 * answer for an owner type, every member of the organisation may download its files.
 */
public interface EvidenceVisibility {

    /** The owner type of the files this answers for, as given to {@link EvidenceManagement#store}. */
    String ownerType();

    /** Whether this person may download this file, which belongs to that record of theirs. */
    boolean mayRead(Tenant tenant, UUID ownerId, UUID fileId);
}
