package dev.ratchet.improvement;

import java.util.UUID;

import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.People;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the page that raises an improvement from another record offers to choose from (see improvement/raise). */
@Component
public class RaiseChoices {

    private final OrganisationManagement organisations;
    private final People people;

    RaiseChoices(OrganisationManagement organisations, People people) {
        this.organisations = organisations;
        this.people = people;
    }

    public void addTo(Model model, UUID organisationId) {
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("areas", organisations.allAreas(organisationId));
        model.addAttribute("people", people.assignableIn(organisationId));
    }
}
