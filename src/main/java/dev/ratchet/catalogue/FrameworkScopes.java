package dev.ratchet.catalogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.ratchet.catalogue.domain.FrameworkScope;
import dev.ratchet.catalogue.domain.FrameworkScopeRepository;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.RequestMemo;
import dev.ratchet.shared.Tenant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The frameworks an organisation answers to: ISO/IEC 27001:2022 always, and those it chooses (NIS2 as a supplier,
 * SOC 2 for US customers, ISO/IEC 42001 as an AI company…). Lists, filters, coverage and "also touches" show these.
 */
@Service
public class FrameworkScopes {

    private final FrameworkScopeRepository scopes;
    private final CatalogueManagement catalogue;
    private final Clock clock;

    FrameworkScopes(FrameworkScopeRepository scopes, CatalogueManagement catalogue, Clock clock) {
        this.scopes = scopes;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** What the organisation has chosen, and the version to send back with a change. */
    public record Scope(List<Framework> frameworks, long version) {

        public List<String> ids() {
            return frameworks.stream().map(Framework::id).toList();
        }

        public boolean has(String frameworkId) {
            return frameworks.stream().anyMatch(f -> f.id().equals(frameworkId));
        }
    }

    /** The frameworks in scope, ISO/IEC 27001 first, then the others in catalogue order (by name). */
    @Transactional(readOnly = true)
    public Scope of(UUID organisationId) {
        return RequestMemo.get("frameworkScope", organisationId, () -> {
            FrameworkScope scope = scopes.findByOrganisationId(organisationId).orElse(null);
            return scope(scope == null ? List.of() : scope.getFrameworks(), scope == null ? -1 : scope.getVersion());
        });
    }

    /**
     * ISO/IEC 27001 and the chosen frameworks in catalogue order; a framework whose file was removed from the catalogue
     * folder drops out of scope rather than failing.
     */
    private Scope scope(List<String> chosen, long version) {
        List<Framework> in = new ArrayList<>();
        catalogue.framework(CatalogueManagement.PRIMARY).ifPresent(in::add);
        catalogue.frameworks().stream().filter(f -> chosen.contains(f.id()) && !f.id().equals(CatalogueManagement.PRIMARY)).forEach(in::add);
        return new Scope(List.copyOf(in), version);
    }

    /** The framework ids in scope. */
    public List<String> ids(UUID organisationId) {
        return of(organisationId).ids();
    }

    /**
     * Chooses the frameworks in scope (ISO/IEC 27001 stays whatever is sent). Refuses an unknown framework naming it
     * under {@code frameworks[i]}, and an edit made on an older version (409).
     */
    @Transactional
    public Scope choose(Tenant tenant, List<String> frameworkIds, Long version) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new org.springframework.security.access.AccessDeniedException("Only an administrator or ISMS manager chooses the frameworks");
        }
        Set<String> wanted = new LinkedHashSet<>();
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        for (int i = 0; frameworkIds != null && i < frameworkIds.size(); i++) {
            String id = frameworkIds.get(i) == null ? "" : frameworkIds.get(i).strip();
            if (id.isEmpty() || id.equals(CatalogueManagement.PRIMARY)) {
                continue;
            }
            if (catalogue.framework(id).isEmpty()) {
                problems.put("frameworks[" + i + "]", "\"" + dev.ratchet.shared.Texts.excerpt(id) + "\" is not a framework Ratchet knows (GET /api/v1/catalogue/frameworks lists them)");
            }
            wanted.add(id);
        }
        if (!problems.isEmpty()) {
            throw Refused.fields(problems);
        }
        FrameworkScope scope = scopes.findByOrganisationId(tenant.organisationId()).orElse(null);
        Refused.requireCurrentVersion(version, scope == null ? -1 : scope.getVersion());
        if (scope == null) {
            scope = new FrameworkScope(tenant.organisationId());
        }
        List<String> ordered = catalogue.frameworks().stream().map(Framework::id).filter(wanted::contains).toList();
        if (!ordered.equals(scope.getFrameworks())) {
            scope.choose(ordered, tenant.userId(), clock.instant());
            scopes.saveAndFlush(scope);
        }
        return scope(ordered, scope.getVersion());
    }

    /** A framework's name, or its id when the catalogue no longer has it. */
    public String frameworkName(String frameworkId) {
        return catalogue.framework(frameworkId).map(Framework::name).orElse(frameworkId);
    }

    /** A requirement as lists name it beside others: "NIS2 Art.21(2)(b)", "ISO/IEC 27001 A.5.24". */
    public String label(String reference) {
        return catalogue.find(reference).map(r -> catalogue.framework(r.framework()).map(Framework::shortName).orElse(r.framework()) + " " + r.code())
                .orElse(reference);
    }

    /**
     * The requirements mapped to this one in the organisation's other frameworks in scope ("also touches"), each once
     * (an installation's own mapping file may pair the same two requirements as a shipped one: the first row read wins).
     */
    public List<Mapped> alsoTouches(UUID organisationId, String reference) {
        List<String> in = ids(organisationId);
        Set<String> seen = new java.util.HashSet<>();
        return catalogue.mapped(reference, in).stream().filter(m -> seen.add(m.reference())).toList();
    }
}
