package dev.ratchet.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import dev.ratchet.audit.AuditManagement;
import dev.ratchet.improvement.ImprovementManagement;
import dev.ratchet.improvement.ImprovementView;
import dev.ratchet.improvement.Kind;
import dev.ratchet.improvement.RaiseForm;
import dev.ratchet.improvement.Source;
import dev.ratchet.organisation.OrganisationDetails;
import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.policy.domain.ComplianceCheck;
import dev.ratchet.policy.domain.ComplianceCheckRepository;
import dev.ratchet.policy.domain.ComplianceResult;
import dev.ratchet.policy.domain.ComplianceResultRepository;
import dev.ratchet.policy.domain.Policy;
import dev.ratchet.policy.domain.PolicyException;
import dev.ratchet.policy.domain.PolicyExceptionRepository;
import dev.ratchet.policy.domain.PolicyNoncompliance;
import dev.ratchet.policy.domain.PolicyNoncomplianceRepository;
import dev.ratchet.policy.domain.PolicyReferences;
import dev.ratchet.policy.domain.PolicyRepository;
import dev.ratchet.policy.domain.PolicyVersion;
import dev.ratchet.policy.domain.PolicyVersionRepository;
import dev.ratchet.review.ReviewManagement;
import dev.ratchet.review.TeamView;
import dev.ratchet.shared.People;
import dev.ratchet.shared.PolicyCompliance;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy register: versions drafted, reviewed, approved and locked (an edit of an approved version makes a new
 * draft); the Continual Improvement Policy generated from the organisation's settings, with the drift from practice
 * shown when the settings change; exceptions; non-compliance and compliance checks that raise nonconformities.
 */
@Service
@Transactional
public class PolicyManagement implements PolicyCompliance {

    private final PolicyRepository policies;
    private final PolicyVersionRepository versions;
    private final PolicyExceptionRepository exceptions;
    private final ComplianceCheckRepository checks;
    private final ComplianceResultRepository results;
    private final PolicyNoncomplianceRepository noncompliance;
    private final PolicyReferences references;
    private final OrganisationManagement organisations;
    private final ReviewManagement reviews;
    private final AuditManagement audits;
    private final ImprovementManagement improvements;
    private final dev.ratchet.action.ActionManagement actions;
    private final dev.ratchet.evidence.EvidenceManagement evidence;
    private final People people;
    private final Clock clock;

    private final dev.ratchet.catalogue.FrameworkScopes scopes;
    private final dev.ratchet.catalogue.CatalogueManagement catalogue;

    PolicyManagement(PolicyRepository policies, PolicyVersionRepository versions, PolicyExceptionRepository exceptions,
            ComplianceCheckRepository checks, ComplianceResultRepository results, PolicyNoncomplianceRepository noncompliance,
            PolicyReferences references, OrganisationManagement organisations, ReviewManagement reviews, AuditManagement audits,
            ImprovementManagement improvements, dev.ratchet.action.ActionManagement actions,
            dev.ratchet.evidence.EvidenceManagement evidence, People people, Clock clock,
            dev.ratchet.catalogue.FrameworkScopes scopes, dev.ratchet.catalogue.CatalogueManagement catalogue) {
        this.scopes = scopes;
        this.catalogue = catalogue;
        this.policies = policies;
        this.versions = versions;
        this.exceptions = exceptions;
        this.checks = checks;
        this.results = results;
        this.noncompliance = noncompliance;
        this.references = references;
        this.organisations = organisations;
        this.reviews = reviews;
        this.audits = audits;
        this.improvements = improvements;
        this.actions = actions;
        this.evidence = evidence;
        this.people = people;
        this.clock = clock;
    }

    // --- the register ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<PolicyViews.Summary> search(UUID organisationId, Pageable pageable) {
        LocalDate today = today(organisationId);
        Map<UUID, String> names = people.displayNames(organisationId);
        Page<Policy> page = policies.findByOrganisationId(organisationId, pageable);
        Map<UUID, List<PolicyVersion>> byPolicy = new java.util.HashMap<>();
        versions.findByPolicyIdInOrderByCreatedAtDesc(page.getContent().stream().map(Policy::getId).toList())
                .forEach(v -> byPolicy.computeIfAbsent(v.getPolicyId(), k -> new ArrayList<>()).add(v));
        return page.map(p -> {
            List<PolicyVersion> list = byPolicy.getOrDefault(p.getId(), List.of());
            PolicyVersion current = list.stream().filter(v -> v.getStatus() == VersionStatus.APPROVED).findFirst().orElse(null);
            return new PolicyViews.Summary(p.getId(), p.getReference(), p.getTitle(), p.isGenerated(),
                    current == null ? null : current.number(), list.isEmpty() ? null : list.get(0).getStatus().label(),
                    p.getOwnerId() == null ? null : names.getOrDefault(p.getOwnerId(), "(former member)"), p.getNextReviewDate(),
                    overdue(p, today), compliance(p, today));
        });
    }

    /** Creates a policy with its first draft (0.1). */
    public PolicyViews.Policy create(Tenant tenant, PolicyForm form) {
        requireManager(tenant);
        checkPeople(tenant.organisationId(), form);
        if (form.getContent() == null || form.getContent().isBlank()) {
            throw Refused.field("content", "Write the policy's text (Markdown), or start from the generated Continual Improvement Policy");
        }
        Policy policy = policies.saveAndFlush(new Policy(tenant.organisationId(), references.nextPolicy(tenant.organisationId()), false,
                tenant.userId(), clock.instant()).describe(form));
        versions.saveAndFlush(new PolicyVersion(policy, 0, 1, form.getContent(), null, "First draft", tenant.userId(), clock.instant()));
        return get(tenant, policy.getId());
    }

    /** Generates the Continual Improvement Policy from the organisation's settings as a first draft. */
    public PolicyViews.Policy generate(Tenant tenant) {
        requireManager(tenant);
        UUID org = tenant.organisationId();
        if (!policies.findByOrganisationIdAndGenerated(org, true).isEmpty()) {
            throw Refused.conflict("The Continual Improvement Policy exists already: open it to bring it in line with the settings");
        }
        PolicyForm form = new PolicyForm();
        form.setTitle(ContinualImprovementPolicy.TITLE);
        form.setOwnerId(tenant.userId());
        form.setReviewMonths(12);
        Policy policy = policies.saveAndFlush(new Policy(org, references.nextPolicy(org), true, tenant.userId(), clock.instant()).describe(form));
        String text = ContinualImprovementPolicy.generate(facts(org));
        versions.saveAndFlush(new PolicyVersion(policy, 0, 1, text, text, "First draft, generated from the organisation's settings",
                tenant.userId(), clock.instant()));
        return get(tenant, policy.getId());
    }

    public PolicyViews.Policy describe(Tenant tenant, UUID id, PolicyForm form) {
        Policy policy = find(tenant.organisationId(), id);
        requireManager(tenant);
        Refused.requireCurrentVersion(form.getVersion(), policy.getVersion());
        checkPeople(tenant.organisationId(), form);
        if (policy.isGenerated()) {
            form.setTitle(ContinualImprovementPolicy.TITLE);
        }
        policy.describe(form);
        policies.flush();
        return get(tenant, id);
    }

    /** New text: into the open draft, or a new draft (minor + 1) when the latest version is approved and locked. */
    public PolicyViews.Policy edit(Tenant tenant, UUID id, ContentForm form) {
        Policy policy = find(tenant.organisationId(), id);
        requireEditor(tenant, policy);
        write(tenant, policy, form.getContent(), null, form.getChangeSummary(), form.getVersion());
        return get(tenant, id);
    }

    /** Brings the generated policy in line with today's settings, as a draft with the differences to review. */
    public PolicyViews.Policy regenerate(Tenant tenant, UUID id) {
        Policy policy = find(tenant.organisationId(), id);
        requireEditor(tenant, policy);
        if (!policy.isGenerated()) {
            throw Refused.conflict("Only the Continual Improvement Policy is generated from the settings");
        }
        String text = ContinualImprovementPolicy.generate(facts(tenant.organisationId()));
        write(tenant, policy, text, text, "Brought in line with the organisation's settings", null);
        return get(tenant, id);
    }

    /**
     * A new version from a file: a Markdown or text file becomes the text; any other accepted document (PDF, Word,
     * OpenDocument) is kept with its SHA-256 as the version's text, which then names it.
     */
    public PolicyViews.Policy upload(Tenant tenant, UUID id, dev.ratchet.evidence.EvidenceManagement.Upload upload, String changeSummary)
            throws java.io.IOException {
        Policy policy = find(tenant.organisationId(), id);
        requireEditor(tenant, policy);
        if (changeSummary == null || changeSummary.isBlank()) {
            throw Refused.field("changeSummary", "Say what changed, for the version table");
        }
        String name = upload.fileName() == null ? "" : upload.fileName().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".txt")) {
            byte[] bytes = upload.content().readNBytes(400_001);
            if (bytes.length == 0) {
                throw Refused.field("file", "Choose a file to upload");
            }
            if (bytes.length > 400_000) {
                throw Refused.field("file", "A text file can have at most 400 KB; upload it as a PDF or Word document instead");
            }
            write(tenant, policy, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), null, changeSummary, null);
        }
        else {
            dev.ratchet.evidence.EvidenceView stored = evidence.store(tenant.organisationId(), FILE_OWNER, policy.getId(), tenant.userId(),
                    new dev.ratchet.evidence.EvidenceManagement.Upload(upload.fileName(), upload.size(), upload.content(),
                            today(tenant.organisationId()), "Text of " + policy.getReference() + ": " + changeSummary.strip()));
            PolicyVersion version = write(tenant, policy, "# " + policy.getTitle() + "\n\nThe text of this version is the attached document **"
                    + stored.fileName().replace("*", "\\*") + "** (SHA-256 `" + stored.sha256() + "`).\n", null, changeSummary, null);
            version.attach(stored.id(), stored.fileName());
            versions.flush();
        }
        return get(tenant, id);
    }

    private PolicyVersion write(Tenant tenant, Policy policy, String content, String generatedFrom, String summary, Long version) {
        List<PolicyVersion> list = versions.findByPolicyIdOrderByCreatedAtDesc(policy.getId());
        PolicyVersion latest = list.get(0);
        if (latest.getStatus() == VersionStatus.DRAFT || latest.getStatus() == VersionStatus.IN_REVIEW) {
            if (version != null) {
                Refused.requireCurrentVersion(version, latest.getVersion());
            }
            latest.edit(content, generatedFrom, summary);
            versions.flush();
            return latest;
        }
        return versions.saveAndFlush(new PolicyVersion(policy, latest.getMajor(), latest.getMinor() + 1, content,
                generatedFrom != null ? generatedFrom : latest.getGeneratedFrom(), summary, tenant.userId(), clock.instant()));
    }

    public PolicyViews.Policy submit(Tenant tenant, UUID id, Long version) {
        Policy policy = find(tenant.organisationId(), id);
        requireEditor(tenant, policy);
        PolicyVersion draft = open(policy).orElseThrow(() -> Refused.conflict("There is no draft to submit: edit the policy first"));
        Refused.requireCurrentVersion(version, draft.getVersion());
        draft.submit();
        versions.flush();
        return get(tenant, id);
    }

    /** The approver (or, without one, top management) approves the open version: it becomes the next major version, locked. */
    public PolicyViews.Policy approve(Tenant tenant, UUID id, Long version) {
        Policy policy = find(tenant.organisationId(), id);
        boolean approver = policy.getApproverId() != null ? tenant.userId().equals(policy.getApproverId()) : tenant.hasAnyRole("MANAGEMENT");
        if (!approver) {
            throw new AccessDeniedException(policy.getApproverId() != null ? "Only the policy's approver approves its versions"
                    : "Top management (the MANAGEMENT role) approves policies without a named approver");
        }
        PolicyVersion draft = open(policy).orElseThrow(() -> Refused.conflict("There is no draft to approve"));
        Refused.requireCurrentVersion(version, draft.getVersion());
        List<PolicyVersion> list = versions.findByPolicyIdOrderByCreatedAtDesc(id);
        int major = list.stream().filter(v -> v.getStatus() == VersionStatus.APPROVED || v.getStatus() == VersionStatus.SUPERSEDED)
                .mapToInt(PolicyVersion::getMajor).max().orElse(0) + 1;
        list.stream().filter(v -> v.getStatus() == VersionStatus.APPROVED).forEach(PolicyVersion::supersede);
        draft.approve(major, tenant.userId(), clock.instant());
        policy.approved(today(tenant.organisationId()));
        versions.flush();
        policies.flush();
        replaceOpen(tenant, REVIEW_ORIGIN, policy.getId(), List.of(nextReview(policy)), policy.getReference(), "A new version was approved");
        return get(tenant, id);
    }

    /**
     * The periodic review concluded that the version in force stays as it is: recorded on the policy, the next review
     * planned one cycle later, and the owner's review action completed with the conclusion.
     */
    public PolicyViews.Policy recordReview(Tenant tenant, UUID id, ReviewNoteForm form) {
        Policy policy = find(tenant.organisationId(), id);
        requireEditor(tenant, policy);
        Refused.requireCurrentVersion(form.getVersion(), policy.getVersion());
        if (inForce(id).isEmpty()) {
            throw Refused.conflict("No version is approved yet: a review keeps a version in force");
        }
        policy.reviewed(today(tenant.organisationId()), tenant.userId(), clock.instant(), form.getNote());
        policies.flush();
        UUID org = tenant.organisationId();
        for (dev.ratchet.action.ActionView open : actions.of(org, REVIEW_ORIGIN, id)) {
            if (!open.status().isFinished()) {
                actions.complete(org, open.id(), tenant.userId(), true, "Reviewed, kept as it is: " + form.getNote().strip(), open.version());
            }
        }
        actions.plan(org, REVIEW_ORIGIN, id, policy.getReference(), null, 1, List.of(nextReview(policy)));
        return get(tenant, id);
    }

    /** The next periodic review, as an action of the owner (or whoever added the policy) due on the next review date. */
    private static dev.ratchet.action.PlannedAction nextReview(Policy policy) {
        return new dev.ratchet.action.PlannedAction(shorten("Review " + policy.getReference() + " " + policy.getTitle()),
                "Review the policy for suitability, adequacy and effectiveness: edit it in Ratchet and have the new version approved, "
                        + "or record on its page that it stays as it is.",
                policy.getOwnerId() != null ? policy.getOwnerId() : policy.getCreatedBy(), policy.getNextReviewDate(),
                "A new version approved, or the review recorded with the next review date");
    }

    /** The approved version, the one in force. */
    private java.util.Optional<PolicyVersion> inForce(UUID policyId) {
        return versions.findByPolicyIdOrderByCreatedAtDesc(policyId).stream().filter(v -> v.getStatus() == VersionStatus.APPROVED).findFirst();
    }

    private java.util.Optional<PolicyVersion> open(Policy policy) {
        return versions.findByPolicyIdOrderByCreatedAtDesc(policy.getId()).stream()
                .filter(v -> v.getStatus() == VersionStatus.DRAFT || v.getStatus() == VersionStatus.IN_REVIEW).findFirst();
    }

    // --- reading -----------------------------------------------------------------------------------------------

    /** A policy as the reader may see it: a guest auditor sees approved and superseded versions only. */
    @Transactional(readOnly = true)
    public PolicyViews.Policy get(Tenant tenant, UUID id) {
        Policy p = find(tenant.organisationId(), id);
        UUID org = tenant.organisationId();
        LocalDate today = today(org);
        Map<UUID, String> names = people.displayNames(org);
        boolean guest = tenant.onlyGuest();
        List<PolicyVersion> stored = versions.findByPolicyIdOrderByCreatedAtDesc(id);
        PolicyVersion inForce = stored.stream().filter(v -> v.getStatus() == VersionStatus.APPROVED).findFirst().orElse(null);
        List<PolicyViews.Version> all = stored.stream()
                .filter(v -> !guest || v.getStatus() == VersionStatus.APPROVED || v.getStatus() == VersionStatus.SUPERSEDED)
                .map(v -> version(v, names)).toList();
        PolicyViews.Version current = all.stream().filter(v -> v.status() == VersionStatus.APPROVED).findFirst().orElse(null);
        PolicyViews.Version draft = all.stream().filter(v -> v.status() == VersionStatus.DRAFT || v.status() == VersionStatus.IN_REVIEW)
                .findFirst().orElse(null);
        List<PolicyViews.DiffLine> drift = List.of();
        if (p.isGenerated() && !guest && inForce != null && inForce.getGeneratedFrom() != null) {
            drift = diff(inForce.getGeneratedFrom(), ContinualImprovementPolicy.generate(facts(org)));
        }
        List<PolicyViews.Check> checkViews = checkViews(p, names, today);
        return new PolicyViews.Policy(p.getId(), p.getReference(), p.getTitle(), p.isGenerated(), p.getOwnerId(),
                p.getOwnerId() == null ? null : names.getOrDefault(p.getOwnerId(), "(former member)"), p.getApproverId(),
                p.getApproverId() == null ? null : names.getOrDefault(p.getApproverId(), "(former member)"), p.getClassification(),
                p.getReviewMonths(), p.getNextReviewDate(), overdue(p, today), all, current, draft, drift,
                exceptions.findByPolicyIdOrderByExpiryDate(id).stream().map(e -> exception(e, p.getTitle(), names, today)).toList(),
                checkViews, noncompliance.findByPolicyIdOrderByFoundOnDesc(id).stream().map(n -> new PolicyViews.Noncompliance(
                        n.getDescription(), n.getFoundOn(), names.getOrDefault(n.getReportedBy(), "(former member)"), n.getImprovementId(),
                        n.getImprovementReference())).toList(), compliance(p, today),
                acknowledgements(p, inForce, today),
                p.getLastReviewedAt() == null ? null : new PolicyViews.LastReview(p.getLastReviewedAt(),
                        names.getOrDefault(p.getLastReviewedBy(), "(former member)"), p.getLastReviewNote()), p.getVersion());
    }

    @Transactional(readOnly = true)
    public PolicyViews.Version version(Tenant tenant, UUID policyId, UUID versionId) {
        return get(tenant, policyId).versions().stream().filter(v -> v.id().equals(versionId)).findFirst()
                .orElseThrow(() -> Refused.notFound("Policy version"));
    }

    private static PolicyViews.Version version(PolicyVersion v, Map<UUID, String> names) {
        return new PolicyViews.Version(v.getId(), v.number(), v.getStatus(), v.getContent(), Markdown.html(v.getContent()),
                Markdown.contents(v.getContent()), v.getFileId(), v.getFileName(), v.getChangeSummary(), names.getOrDefault(v.getCreatedBy(), "(former member)"),
                v.getCreatedAt(), v.getApprovedBy() == null ? null : names.getOrDefault(v.getApprovedBy(), "(former member)"),
                v.getApprovedAt(), v.getVersion());
    }

    /** The lines where the approved text (as generated) and the text generated from today's settings differ. */
    static List<PolicyViews.DiffLine> diff(String approved, String now) {
        if (Objects.equals(approved, now)) {
            return List.of();
        }
        DiffRowGenerator generator = DiffRowGenerator.create().showInlineDiffs(false).ignoreWhiteSpaces(true).build();
        return generator.generateDiffRows(Arrays.asList(approved.split("\n")), Arrays.asList(now.split("\n"))).stream()
                .filter(r -> r.getTag() != DiffRow.Tag.EQUAL)
                .map(r -> new PolicyViews.DiffLine(unescape(r.getOldLine()), unescape(r.getNewLine()))).toList();
    }

    private static String unescape(String line) {
        return line == null ? "" : line.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replace("&quot;", "\"");
    }

    /** What the generated policy states, from the configuration as it is now. */
    ContinualImprovementPolicy.Facts facts(UUID org) {
        OrganisationDetails o = organisations.get(org);
        TeamView team = reviews.team(org);
        String basis = audits.programme(org, today(org).getYear()).basis();
        return new ContinualImprovementPolicy.Facts(o.name(), o.scopeStatement(), o.sector(), o.reviewCadenceMonths(), team.chairName(),
                team.deputyNames(), team.memberNames(), team.quorum(), team.oversight(), o.effectivenessWaitDays(), o.trendThreshold(),
                o.trendWindowMonths(), basis, Arrays.stream(Source.values()).filter(s -> s != Source.OTHER).map(Source::label).toList(),
                frameworks(org));
    }

    /**
     * The frameworks in scope besides ISO/IEC 27001, each with the requirements this policy addresses in it: those mapped
     * to the ISO/IEC 27001 areas the policy names (10.2 corrective action maps to ISO/IEC 42001's 10.2, A.5.24 to NIS2's
     * incident handling…), in the framework's order.
     */
    private List<ContinualImprovementPolicy.FrameworkFacts> frameworks(UUID org) {
        List<ContinualImprovementPolicy.FrameworkFacts> facts = new ArrayList<>();
        for (dev.ratchet.catalogue.Framework f : scopes.of(org).frameworks()) {
            if (f.id().equals(dev.ratchet.catalogue.CatalogueManagement.PRIMARY)) {
                continue;
            }
            java.util.Set<String> addressed = new java.util.HashSet<>();
            for (String code : ContinualImprovementPolicy.ADDRESSED) {
                catalogue.mapped(dev.ratchet.catalogue.CatalogueManagement.PRIMARY + ":" + code, List.of(f.id()))
                        .forEach(m -> addressed.add(m.reference()));
            }
            facts.add(new ContinualImprovementPolicy.FrameworkFacts(f.id(), f.name(), f.requirements().stream()
                    .filter(r -> addressed.contains(r.reference())).map(r -> r.code() + " " + r.title()).toList()));
        }
        return facts;
    }

    // --- exceptions --------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<PolicyViews.Exception> exceptions(UUID organisationId, boolean expiredOnly, Pageable pageable) {
        LocalDate today = today(organisationId);
        Map<UUID, String> names = people.displayNames(organisationId);
        Map<UUID, String> titles = new java.util.HashMap<>();
        policies.findByOrganisationId(organisationId, Pageable.unpaged()).forEach(p -> titles.put(p.getId(), p.getTitle()));
        Page<PolicyException> page = expiredOnly
                ? exceptions.findByOrganisationIdAndClosedAtIsNullAndExpiryDateBefore(organisationId, today, pageable)
                : exceptions.findByOrganisationId(organisationId, pageable);
        return page.map(e -> exception(e, titles.getOrDefault(e.getPolicyId(), ""), names, today));
    }

    public PolicyViews.Exception requestException(Tenant tenant, ExceptionForm form) {
        UUID org = tenant.organisationId();
        checkException(org, form);
        PolicyException e = new PolicyException(org, references.nextException(org, today(org).getYear()), tenant.userId(), clock.instant());
        e.write(form);
        exceptions.saveAndFlush(e);
        remindOf(tenant, e);
        return exception(tenant, e.getId());
    }

    public PolicyViews.Exception editException(Tenant tenant, UUID id, ExceptionForm form) {
        PolicyException e = findException(tenant.organisationId(), id);
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") && !tenant.userId().equals(e.getRequesterId())) {
            throw new AccessDeniedException("The requester or the ISMS manager changes an exception");
        }
        Refused.requireCurrentVersion(form.getVersion(), e.getVersion());
        checkException(tenant.organisationId(), form);
        e.write(form);
        exceptions.flush();
        remindOf(tenant, e);
        return exception(tenant, id);
    }

    /** Top management, or the policy's approver, approves an exception; never its requester. */
    public PolicyViews.Exception approveException(Tenant tenant, UUID id, Long version) {
        PolicyException e = findException(tenant.organisationId(), id);
        Policy policy = find(tenant.organisationId(), e.getPolicyId());
        if (!tenant.hasAnyRole("MANAGEMENT") && !tenant.userId().equals(policy.getApproverId())) {
            throw new AccessDeniedException("Top management or the policy's approver approves exceptions");
        }
        if (tenant.userId().equals(e.getRequesterId())) {
            throw new AccessDeniedException("The requester of an exception does not approve it");
        }
        Refused.requireCurrentVersion(version, e.getVersion());
        e.approve(tenant.userId(), clock.instant());
        exceptions.flush();
        return exception(tenant, id);
    }

    public PolicyViews.Exception closeException(Tenant tenant, UUID id, Long version) {
        requireManager(tenant);
        PolicyException e = findException(tenant.organisationId(), id);
        Refused.requireCurrentVersion(version, e.getVersion());
        e.close(clock.instant());
        exceptions.flush();
        replaceOpen(tenant, EXCEPTION_ORIGIN, e.getId(), List.of(), e.getReference(), "The exception was closed");
        return exception(tenant, id);
    }

    @Transactional(readOnly = true)
    public PolicyViews.Exception exception(Tenant tenant, UUID id) {
        PolicyException e = findException(tenant.organisationId(), id);
        return exception(e, find(tenant.organisationId(), e.getPolicyId()).getTitle(), people.displayNames(tenant.organisationId()),
                today(tenant.organisationId()));
    }

    private void checkException(UUID org, ExceptionForm form) {
        find(org, form.getPolicyId());
        if (form.getExpiryDate().isBefore(form.getReviewDate())) {
            throw Refused.field("expiryDate", "The exception expires after its review, not before");
        }
    }

    private static PolicyViews.Exception exception(PolicyException e, String policyTitle, Map<UUID, String> names, LocalDate today) {
        boolean expired = e.expiredOn(today);
        String status = e.getClosedAt() != null ? "Closed" : expired ? "Expired" : e.getApprovedAt() != null ? "Approved" : "Awaiting approval";
        return new PolicyViews.Exception(e.getId(), e.getReference(), e.getPolicyId(), policyTitle, e.getClause(), e.getScope(),
                e.getJustification(), e.getRisk(), e.getCompensatingControls(), e.getActionPlan(), e.getRequesterId(),
                names.getOrDefault(e.getRequesterId(), "(former member)"),
                e.getApproverId() == null ? null : names.getOrDefault(e.getApproverId(), "(former member)"), e.getApprovedAt(),
                e.getReviewDate(), e.getExpiryDate(), e.getClosedAt(), status, expired,
                e.getClosedAt() == null && !e.getReviewDate().isAfter(today), e.getVersion());
    }

    /** Open exceptions past their expiry, and those expiring within the days given. */
    public record ExceptionCounts(long expired, long expiringSoon) {
    }

    @Transactional(readOnly = true)
    public ExceptionCounts exceptionCounts(UUID organisationId, LocalDate today, int days) {
        return new ExceptionCounts(exceptions.countByOrganisationIdAndClosedAtIsNullAndExpiryDateBefore(organisationId, today),
                exceptions.countByOrganisationIdAndClosedAtIsNullAndExpiryDateBetween(organisationId, today, today.plusDays(days)));
    }

    // --- compliance --------------------------------------------------------------------------------------------

    public PolicyViews.Policy defineCheck(Tenant tenant, UUID policyId, CheckForm form) {
        requireManager(tenant);
        Policy policy = find(tenant.organisationId(), policyId);
        if (form.getOwnerId() != null) {
            people.requireAssignable(tenant.organisationId(), form.getOwnerId(), "ownerId", "The owner must be an active member of this organisation");
        }
        ComplianceCheck check = new ComplianceCheck(tenant.organisationId(), policy.getId());
        check.define(form);
        checks.saveAndFlush(check);
        remindOf(tenant, policy, check, null);
        return get(tenant, policyId);
    }

    /** Every compliance check of the organisation, soonest due first, with its results. */
    @Transactional(readOnly = true)
    public List<PolicyViews.CheckLine> checks(UUID organisationId) {
        LocalDate today = today(organisationId);
        Map<UUID, String> names = people.displayNames(organisationId);
        List<PolicyViews.CheckLine> lines = new ArrayList<>();
        policies.findByOrganisationId(organisationId, Pageable.unpaged()).forEach(p -> checkViews(p, names, today)
                .forEach(c -> lines.add(new PolicyViews.CheckLine(p.getId(), p.getReference(), p.getTitle(), c))));
        lines.sort(java.util.Comparator.comparing(l -> l.check().nextDue()));
        return lines;
    }

    /** Records a check's result; a failure raises a nonconformity linked to the policy. */
    public PolicyViews.Policy recordResult(Tenant tenant, UUID checkId, ResultForm form) {
        ComplianceCheck check = checks.findByIdAndOrganisationId(checkId, tenant.organisationId())
                .orElseThrow(() -> Refused.notFound("Compliance check"));
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") && !tenant.userId().equals(check.getOwnerId())) {
            throw new AccessDeniedException("The check's owner or the ISMS manager records its results");
        }
        if (form.getCheckedOn().isAfter(today(tenant.organisationId()))) {
            throw Refused.field("checkedOn", "A check is recorded once it is done: the date cannot be in the future");
        }
        Policy policy = find(tenant.organisationId(), check.getPolicyId());
        ComplianceResult result = results.saveAndFlush(new ComplianceResult(check, form.getCheckedOn(), form.getPassed(), form.getNotes(),
                tenant.userId(), clock.instant()));
        check.checked(form.getCheckedOn());
        if (!form.getPassed()) {
            ImprovementView raised = raise(tenant, policy, "Compliance check failed: " + check.getTitle(),
                    "The compliance check \"" + check.getTitle() + "\" of " + policy.getReference() + " " + policy.getTitle()
                            + " failed on " + form.getCheckedOn() + ".\nMethod: " + check.getMethod()
                            + (form.getNotes() == null || form.getNotes().isBlank() ? "" : "\nFound: " + form.getNotes().strip()),
                    check.getOwnerId());
            result.raised(raised.id(), raised.reference());
        }
        results.flush();
        checks.flush();
        remindOf(tenant, policy, check, (form.getPassed() ? "Passed" : "Failed") + " on " + form.getCheckedOn()
                + (result.getImprovementReference() == null ? "" : "; raised " + result.getImprovementReference()));
        return get(tenant, policy.getId());
    }

    /** A deviation from a policy found outside an audit: recorded, and raised as a nonconformity. */
    public PolicyViews.Policy reportNoncompliance(Tenant tenant, UUID policyId, NoncomplianceForm form) {
        Policy policy = find(tenant.organisationId(), policyId);
        if (form.getFoundOn().isAfter(today(tenant.organisationId()))) {
            throw Refused.field("foundOn", "The date it was found cannot be in the future");
        }
        PolicyNoncompliance record = noncompliance.saveAndFlush(new PolicyNoncompliance(policy, form.getDescription(), form.getFoundOn(),
                tenant.userId(), clock.instant()));
        String text = form.getDescription().strip();
        ImprovementView raised = raise(tenant, policy, "Non-compliance with " + policy.getTitle() + ": "
                + (text.length() > 120 ? text.substring(0, 117) + "..." : text), text + "\nFound on " + form.getFoundOn() + ".", policy.getOwnerId());
        record.raised(raised.id(), raised.reference());
        noncompliance.flush();
        return get(tenant, policyId);
    }

    private ImprovementView raise(Tenant tenant, Policy policy, String title, String description, UUID ownerId) {
        RaiseForm raise = new RaiseForm();
        raise.setKind(Kind.NONCONFORMITY);
        raise.setTitle(shorten(title));
        raise.setDescription(description);
        raise.setOwnerId(ownerId);
        return improvements.raise(tenant, Source.POLICY_COMPLIANCE, policy.getId(), policy.getReference(), raise);
    }

    private List<PolicyViews.Check> checkViews(Policy p, Map<UUID, String> names, LocalDate today) {
        List<ComplianceCheck> list = checks.findByPolicyIdOrderByTitle(p.getId());
        Map<UUID, List<PolicyViews.Result>> byCheck = new java.util.HashMap<>();
        if (!list.isEmpty()) {
            results.findByCheckIdInOrderByCheckedOnDesc(list.stream().map(ComplianceCheck::getId).toList()).forEach(r ->
                    byCheck.computeIfAbsent(r.getCheckId(), k -> new ArrayList<>()).add(new PolicyViews.Result(r.getCheckedOn(), r.isPassed(),
                            r.getNotes(), names.getOrDefault(r.getRecordedBy(), "(former member)"), r.getImprovementId(), r.getImprovementReference())));
        }
        return list.stream().map(c -> new PolicyViews.Check(c.getId(), c.getTitle(), c.getMethod(), c.getFrequencyMonths(), c.getOwnerId(),
                c.getOwnerId() == null ? null : names.getOrDefault(c.getOwnerId(), "(former member)"), c.getNextDue(),
                c.getNextDue().isBefore(today), byCheck.getOrDefault(c.getId(), List.of()), c.getVersion())).toList();
    }

    /** The compliance figure of a policy: checks passed over the last 12 months, open non-compliance and exceptions. */
    private PolicyViews.Compliance compliance(Policy p, LocalDate today) {
        List<ComplianceCheck> list = checks.findByPolicyIdOrderByTitle(p.getId());
        List<ComplianceResult> recent = list.isEmpty() ? List.of() : results.findByCheckIdInOrderByCheckedOnDesc(
                list.stream().map(ComplianceCheck::getId).toList()).stream().filter(r -> r.getCheckedOn().isAfter(today.minusMonths(12))).toList();
        long passed = recent.stream().filter(ComplianceResult::isPassed).count();
        List<PolicyException> open = exceptions.findByPolicyIdOrderByExpiryDate(p.getId()).stream().filter(e -> e.getClosedAt() == null).toList();
        long openNoncompliance = noncompliance.findByPolicyIdOrderByFoundOnDesc(p.getId()).stream()
                .filter(n -> n.getImprovementId() != null && improvements.isOpen(p.getOrganisationId(), n.getImprovementId())).count();
        return new PolicyViews.Compliance(recent.isEmpty() ? null : (int) Math.round(100.0 * passed / recent.size()), recent.size(),
                openNoncompliance, open.size(), open.stream().filter(e -> e.expiredOn(today)).count(), overdue(p, today));
    }

    private static boolean overdue(Policy p, LocalDate today) {
        return p.getNextReviewDate() != null && p.getNextReviewDate().isBefore(today);
    }

    /** For the management review pack (input d): checks in the period, expired exceptions, open non-compliance. */
    @Override
    @Transactional(readOnly = true)
    public Summary between(UUID organisationId, LocalDate from, LocalDate to, LocalDate today) {
        List<ComplianceResult> inPeriod = results.findByOrganisationIdAndCheckedOnBetweenOrderByCheckedOn(organisationId, from, to);
        Map<UUID, String> checkTitles = new java.util.HashMap<>();
        checks.findByOrganisationIdOrderByNextDue(organisationId).forEach(c -> checkTitles.put(c.getId(), c.getTitle()));
        Map<UUID, String> titles = new java.util.HashMap<>();
        policies.findByOrganisationId(organisationId, Pageable.unpaged()).forEach(p -> titles.put(p.getId(), p.getTitle()));
        List<ExpiredException> expired = exceptions.findByOrganisationIdAndClosedAtIsNullAndExpiryDateBeforeOrderByExpiryDate(organisationId, today)
                .stream().map(e -> new ExpiredException(e.getReference(), titles.getOrDefault(e.getPolicyId(), ""), e.getScope(), e.getExpiryDate()))
                .toList();
        long open = noncompliance.findByOrganisationIdOrderByFoundOnDesc(organisationId).stream()
                .filter(n -> n.getImprovementId() != null && improvements.isOpen(organisationId, n.getImprovementId())).count();
        return new Summary(inPeriod.stream().filter(ComplianceResult::isPassed).count(), inPeriod.stream().filter(r -> !r.isPassed()).count(),
                inPeriod.stream().filter(r -> !r.isPassed()).map(r -> checkTitles.getOrDefault(r.getCheckId(), "") + " (" + r.getCheckedOn()
                        + (r.getImprovementReference() == null ? "" : ", " + r.getImprovementReference()) + ")").toList(), expired, open);
    }

    // --- reminders and acknowledgements, through the action tracker ----------------------------------------------

    static final String REVIEW_ORIGIN = "POLICY";

    /** The owner type of a policy version's file in the evidence module (the owner is the policy). */
    static final String FILE_OWNER = "POLICY";
    static final String READ_ORIGIN = "POLICY_READ";
    static final String EXCEPTION_ORIGIN = "POLICY_EXCEPTION";
    static final String CHECK_ORIGIN = "COMPLIANCE_CHECK";

    /**
     * Asks members to read the version in force: each gets an action in their list (with its reminders), which
     * they complete by acknowledging the version. Members asked already for this version are not asked again.
     */
    public PolicyViews.Policy requestAcknowledgement(Tenant tenant, UUID policyId, AcknowledgementForm form) {
        requireManager(tenant);
        Policy policy = find(tenant.organisationId(), policyId);
        PolicyVersion current = inForce(policyId)
                .orElseThrow(() -> Refused.conflict("No version is approved yet: members are asked to read the version in force"));
        if (form.getDueDate().isBefore(today(tenant.organisationId()))) {
            throw Refused.field("dueDate", "The date by which to read the policy cannot be in the past");
        }
        UUID org = tenant.organisationId();
        java.util.Set<UUID> members = new java.util.LinkedHashSet<>();
        if (form.getMemberIds().isEmpty()) {
            for (String role : List.of("ADMIN", "ISMS_MANAGER", "AUDITOR", "CONTRIBUTOR", "MANAGEMENT")) {
                people.withRole(org, role).forEach(p -> members.add(p.userId()));
            }
        }
        else {
            for (UUID member : form.getMemberIds()) {
                people.requireAssignable(org, member, "memberIds", "Everyone asked must be an active member of this organisation");
                members.add(member);
            }
        }
        String reference = readReference(policy, current);
        java.util.Set<UUID> asked = new java.util.HashSet<>();
        actions.of(org, READ_ORIGIN, policyId).stream().filter(a -> reference.equals(a.originReference())
                && a.status() != dev.ratchet.action.ActionStatus.CANCELLED).forEach(a -> asked.add(a.ownerId()));
        List<dev.ratchet.action.PlannedAction> planned = members.stream().filter(m -> !asked.contains(m))
                .map(m -> new dev.ratchet.action.PlannedAction(shorten("Read " + policy.getReference() + " " + policy.getTitle() + ", version " + current.number()),
                        "Read the policy in Ratchet and acknowledge that you have read it (the button on the policy's page).", m,
                        form.getDueDate(), "The version is acknowledged in Ratchet")).toList();
        if (planned.isEmpty()) {
            throw Refused.conflict("Everyone named has been asked to read version " + current.number() + " already");
        }
        actions.plan(org, READ_ORIGIN, policyId, reference, null, 1, planned);
        return get(tenant, policyId);
    }

    /** The reader confirms they have read the version in force, which completes the action they were given. */
    public PolicyViews.Policy acknowledge(Tenant tenant, UUID policyId) {
        Policy policy = find(tenant.organisationId(), policyId);
        PolicyVersion current = inForce(policyId).orElseThrow(() -> Refused.conflict("No version is in force"));
        String reference = readReference(policy, current);
        dev.ratchet.action.ActionView mine = actions.of(tenant.organisationId(), READ_ORIGIN, policyId).stream()
                .filter(a -> reference.equals(a.originReference()) && tenant.userId().equals(a.ownerId()) && !a.status().isFinished())
                .findFirst().orElseThrow(() -> Refused.conflict("You have not been asked to read version " + current.number()
                        + ", or you have acknowledged it already"));
        actions.complete(tenant.organisationId(), mine.id(), tenant.userId(), true, "Read and acknowledged version " + current.number(), mine.version());
        return get(tenant, policyId);
    }

    private List<PolicyViews.Acknowledgement> acknowledgements(Policy policy, PolicyVersion current, LocalDate today) {
        if (current == null) {
            return List.of();
        }
        String reference = readReference(policy, current);
        return actions.of(policy.getOrganisationId(), READ_ORIGIN, policy.getId()).stream()
                .filter(a -> reference.equals(a.originReference()) && a.status() != dev.ratchet.action.ActionStatus.CANCELLED)
                .map(a -> new PolicyViews.Acknowledgement(a.ownerId(), a.ownerName(), a.dueDate(),
                        a.status() == dev.ratchet.action.ActionStatus.DONE ? a.completedAt() : null, a.overdueOn(today)))
                .sorted(java.util.Comparator.comparing(PolicyViews.Acknowledgement::name, java.util.Comparator.nullsLast(String::compareTo)))
                .toList();
    }

    private static String readReference(Policy policy, PolicyVersion version) {
        return policy.getReference() + " v" + version.number();
    }

    /** The exception's review and expiry, as actions of its requester. */
    private void remindOf(Tenant tenant, PolicyException e) {
        List<dev.ratchet.action.PlannedAction> next = new ArrayList<>();
        next.add(new dev.ratchet.action.PlannedAction(shorten("Review exception " + e.getReference()),
                "Review whether the exception is still needed, its risk and compensating controls, and the plan to end it.",
                e.getRequesterId(), e.getReviewDate(), "The review is recorded on the exception (changed, or closed)"));
        next.add(new dev.ratchet.action.PlannedAction(shorten("End exception " + e.getReference() + " by its expiry"),
                "The exception expires on " + e.getExpiryDate() + ": carry out the plan to end it, or request a new exception in time.",
                e.getRequesterId(), e.getExpiryDate(), "The exception is closed, or a new one approved, before it expires"));
        replaceOpen(tenant, EXCEPTION_ORIGIN, e.getId(), next, e.getReference(), "The exception changed");
    }

    /** The next run of a check, as an action of its owner; the open one is completed with the result, if any. */
    private void remindOf(Tenant tenant, Policy policy, ComplianceCheck check, String result) {
        UUID org = tenant.organisationId();
        for (dev.ratchet.action.ActionView open : actions.of(org, CHECK_ORIGIN, check.getId())) {
            if (!open.status().isFinished()) {
                if (result != null) {
                    actions.complete(org, open.id(), tenant.userId(), true, result, open.version());
                } else {
                    actions.cancel(org, open.id(), tenant.userId(), true, "The check was redefined", open.version());
                }
            }
        }
        if (check.getOwnerId() != null) {
            actions.plan(org, CHECK_ORIGIN, check.getId(), policy.getReference(), null, 1, List.of(new dev.ratchet.action.PlannedAction(
                    shorten("Compliance check of " + policy.getReference() + ": " + check.getTitle()), check.getMethod(), check.getOwnerId(),
                    check.getNextDue(), "The result is recorded on the policy's page (a failure raises a nonconformity)")));
        }
    }

    /** Cancels the open actions of a record and plans the next ones. */
    private void replaceOpen(Tenant tenant, String origin, UUID originId, List<dev.ratchet.action.PlannedAction> next, String reference,
            String why) {
        UUID org = tenant.organisationId();
        for (dev.ratchet.action.ActionView open : actions.of(org, origin, originId)) {
            if (!open.status().isFinished()) {
                actions.cancel(org, open.id(), tenant.userId(), true, why, open.version());
            }
        }
        List<dev.ratchet.action.PlannedAction> owned = next.stream().filter(a -> a.ownerId() != null && a.dueDate() != null).toList();
        if (!owned.isEmpty()) {
            actions.plan(org, origin, originId, reference, null, 1, owned);
        }
    }

    private static String shorten(String title) {
        return title.length() <= 200 ? title : title.substring(0, 197) + "...";
    }

    @Transactional(readOnly = true)
    public UUID policyOfCheck(UUID organisationId, UUID checkId) {
        return checks.findByIdAndOrganisationId(checkId, organisationId).map(ComplianceCheck::getPolicyId)
                .orElseThrow(() -> Refused.notFound("Compliance check"));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Policy find(UUID organisationId, UUID id) {
        return policies.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Policy"));
    }

    private PolicyException findException(UUID organisationId, UUID id) {
        return exceptions.findByIdAndOrganisationId(id, organisationId).orElseThrow(() -> Refused.notFound("Policy exception"));
    }

    private void checkPeople(UUID org, PolicyForm form) {
        if (form.getOwnerId() != null) {
            people.requireAssignable(org, form.getOwnerId(), "ownerId", "The owner must be an active member of this organisation");
        }
        if (form.getApproverId() != null) {
            people.requireAssignable(org, form.getApproverId(), "approverId", "The approver must be an active member of this organisation");
        }
    }

    private static void requireManager(Tenant tenant) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER")) {
            throw new AccessDeniedException("The ISMS manager keeps the policy register");
        }
    }

    private static void requireEditor(Tenant tenant, Policy policy) {
        if (!tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") && !tenant.userId().equals(policy.getOwnerId())) {
            throw new AccessDeniedException("The policy's owner or the ISMS manager writes its drafts");
        }
    }

    public LocalDate today(UUID organisationId) {
        return organisations.today(organisationId);
    }
}
