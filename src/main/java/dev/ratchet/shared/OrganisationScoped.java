package dev.ratchet.shared;

import java.util.UUID;

/**
 * A record that belongs to exactly one organisation. History files its changes in that organisation's chain.
 * Records that belong to no organisation (people's accounts, API tokens) go to the installation's chain.
 */
public interface OrganisationScoped {

    UUID getOrganisationId();
}
