package dev.ratchet.policy.web;

import java.util.UUID;
import java.util.function.Supplier;

import dev.ratchet.policy.AcknowledgementForm;
import dev.ratchet.policy.CheckForm;
import dev.ratchet.policy.ContentForm;
import dev.ratchet.policy.ExceptionForm;
import dev.ratchet.policy.NoncomplianceForm;
import dev.ratchet.policy.PolicyDocuments;
import dev.ratchet.policy.PolicyForm;
import dev.ratchet.policy.PolicyManagement;
import dev.ratchet.policy.PolicyViews;
import dev.ratchet.policy.ResultForm;
import dev.ratchet.policy.ReviewNoteForm;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class PolicyController {

    private final PolicyManagement policies;
    private final PolicyDocuments documents;
    private final People people;

    PolicyController(PolicyManagement policies, PolicyDocuments documents, People people) {
        this.policies = policies;
        this.documents = documents;
        this.people = people;
    }

    @GetMapping("/policies")
    @PreAuthorize(Access.MEMBER)
    String register(@RequestParam(defaultValue = "0") int page, Model model) {
        Tenant tenant = CurrentTenant.require();
        var list = policies.search(tenant.organisationId(), PageRequest.of(Math.max(0, page), 50, Sort.by("reference")));
        model.addAttribute("policies", list);
        model.addAttribute("hasGenerated", list.getContent().stream().anyMatch(PolicyViews.Summary::generated) || list.getTotalPages() > 1);
        model.addAttribute("expired", policies.exceptions(tenant.organisationId(), true, PageRequest.of(0, 1)).getTotalElements());
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        return "policy/register";
    }

    @PostMapping("/policies/continual-improvement")
    @PreAuthorize(Access.CONFIGURE)
    String generate(RedirectAttributes redirect) {
        try {
            PolicyViews.Policy policy = policies.generate(CurrentTenant.require());
            redirect.addFlashAttribute("success", "The Continual Improvement Policy is drafted from your settings. Read it, edit where you need to, and submit it for approval.");
            return "redirect:/policies/" + policy.id();
        }
        catch (Refused refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
            return "redirect:/policies";
        }
    }

    @GetMapping("/policies/new")
    @PreAuthorize(Access.CONFIGURE)
    String newPolicy(Model model) {
        if (!model.containsAttribute("policy")) {
            PolicyForm form = new PolicyForm();
            form.setOwnerId(CurrentTenant.require().userId());
            form.setContent("# Title\n\n## Purpose\n\n## Scope\n\n## Policy\n\n## Compliance\n");
            model.addAttribute("policy", form);
        }
        model.addAttribute("people", people.assignableIn(CurrentTenant.require().organisationId()));
        return "policy/new";
    }

    @PostMapping("/policies")
    @PreAuthorize(Access.CONFIGURE)
    String create(@Valid @ModelAttribute("policy") PolicyForm policy, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                PolicyViews.Policy created = policies.create(CurrentTenant.require(), policy);
                redirect.addFlashAttribute("success", created.reference() + " is in the register as draft 0.1.");
                return "redirect:/policies/" + created.id();
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return newPolicy(model);
    }

    @GetMapping("/policies/{id}")
    @PreAuthorize(Access.MEMBER)
    String show(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        PolicyViews.Policy policy = policies.get(tenant, id);
        model.addAttribute("p", policy);
        if (!model.containsAttribute("content")) {
            ContentForm content = new ContentForm();
            PolicyViews.Version base = policy.draft() != null ? policy.draft() : policy.current();
            content.setContent(base == null ? "" : base.content());
            content.setVersion(policy.draft() == null ? null : policy.draft().version());
            model.addAttribute("content", content);
        }
        if (!model.containsAttribute("details")) {
            PolicyForm details = new PolicyForm();
            details.setTitle(policy.title());
            details.setOwnerId(policy.ownerId());
            details.setApproverId(policy.approverId());
            details.setClassification(policy.classification());
            details.setReviewMonths(policy.reviewMonths());
            details.setVersion(policy.version());
            model.addAttribute("details", details);
        }
        if (!model.containsAttribute("check")) {
            CheckForm check = new CheckForm();
            check.setFirstDue(policies.today(tenant.organisationId()).plusMonths(1));
            model.addAttribute("check", check);
        }
        if (!model.containsAttribute("result")) {
            ResultForm result = new ResultForm();
            result.setCheckedOn(policies.today(tenant.organisationId()));
            model.addAttribute("result", result);
        }
        if (!model.containsAttribute("review")) {
            ReviewNoteForm review = new ReviewNoteForm();
            review.setVersion(policy.version());
            model.addAttribute("review", review);
        }
        if (!model.containsAttribute("ask")) {
            AcknowledgementForm ask = new AcknowledgementForm();
            ask.setDueDate(policies.today(tenant.organisationId()).plusDays(14));
            model.addAttribute("ask", ask);
        }
        if (!model.containsAttribute("noncompliance")) {
            NoncomplianceForm form = new NoncomplianceForm();
            form.setFoundOn(policies.today(tenant.organisationId()));
            model.addAttribute("noncompliance", form);
        }
        boolean manager = tenant.hasAnyRole("ADMIN", "ISMS_MANAGER");
        model.addAttribute("manager", manager);
        model.addAttribute("editor", manager || tenant.userId().equals(policy.ownerId()));
        model.addAttribute("approver", policy.approverId() != null ? tenant.userId().equals(policy.approverId()) : tenant.hasAnyRole("MANAGEMENT"));
        model.addAttribute("reporter", !tenant.onlyGuest());
        model.addAttribute("userId", tenant.userId());
        model.addAttribute("people", people.assignableIn(tenant.organisationId()));
        return "policy/policy";
    }

    @PostMapping("/policies/{id}")
    @PreAuthorize(Access.CONFIGURE)
    String describe(@PathVariable UUID id, @Valid @ModelAttribute("details") PolicyForm details, BindingResult result, RedirectAttributes redirect) {
        return submitted(id, "details", details, result, redirect, "#policy-details", () -> {
            policies.describe(CurrentTenant.require(), id, details);
            return "The policy's details are saved.";
        });
    }

    @PostMapping("/policies/{id}/content")
    @PreAuthorize(Access.REPORT)
    String edit(@PathVariable UUID id, @Valid @ModelAttribute("content") ContentForm content, BindingResult result, RedirectAttributes redirect) {
        return submitted(id, "content", content, result, redirect, "#draft", () -> {
            PolicyViews.Policy policy = policies.edit(CurrentTenant.require(), id, content);
            return "Draft " + policy.draft().number() + " is saved.";
        });
    }

    @PostMapping("/policies/{id}/file")
    @PreAuthorize(Access.REPORT)
    String upload(@PathVariable UUID id, @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
            @RequestParam(required = false) String changeSummary, RedirectAttributes redirect) throws java.io.IOException {
        var upload = dev.ratchet.evidence.EvidenceManagement.Upload.of(file, null, null);
        return acted(id, redirect, "#draft", () -> {
            try {
                return "Draft " + policies.upload(CurrentTenant.require(), id, upload, changeSummary).draft().number() + " is the uploaded file.";
            }
            catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @PostMapping("/policies/{id}/regeneration")
    @PreAuthorize(Access.REPORT)
    String regenerate(@PathVariable UUID id, RedirectAttributes redirect) {
        return acted(id, redirect, "#draft", () -> "Draft " + policies.regenerate(CurrentTenant.require(), id).draft().number()
                + " follows the organisation's settings. Check it and submit it for approval.");
    }

    @PostMapping("/policies/{id}/submission")
    @PreAuthorize(Access.REPORT)
    String submit(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return acted(id, redirect, "", () -> "Draft " + policies.submit(CurrentTenant.require(), id, version).draft().number()
                + " is submitted for approval.");
    }

    @PostMapping("/policies/{id}/approval")
    @PreAuthorize(Access.REPORT)
    String approve(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return acted(id, redirect, "", () -> "Version " + policies.approve(CurrentTenant.require(), id, version).current().number()
                + " is approved and locked.");
    }

    @GetMapping("/policies/{id}/versions/{versionId}/document.pdf")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID versionId) {
        return documents.pdf(CurrentTenant.require(), id, versionId);
    }

    @GetMapping("/policies/{id}/versions/{versionId}/document.docx")
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> docx(@PathVariable UUID id, @PathVariable UUID versionId) {
        return documents.docx(CurrentTenant.require(), id, versionId);
    }

    @PostMapping("/policies/{id}/compliance-checks")
    @PreAuthorize(Access.CONFIGURE)
    String defineCheck(@PathVariable UUID id, @Valid @ModelAttribute("check") CheckForm check, BindingResult result, RedirectAttributes redirect) {
        return submitted(id, "check", check, result, redirect, "#compliance", () -> {
            policies.defineCheck(CurrentTenant.require(), id, check);
            return "The compliance check is defined.";
        });
    }

    @PostMapping("/compliance-checks/{checkId}/results")
    @PreAuthorize(Access.REPORT)
    String result(@PathVariable UUID checkId, @RequestParam UUID policyId, @Valid @ModelAttribute("result") ResultForm form, BindingResult result,
            RedirectAttributes redirect) {
        return submitted(policyId, "result", form, result, redirect, "#compliance", () -> {
            policies.recordResult(CurrentTenant.require(), checkId, form);
            return form.getPassed() ? "The result is recorded." : "The failure is recorded and raised as a nonconformity.";
        });
    }

    @PostMapping("/policies/{id}/noncompliance")
    @PreAuthorize(Access.REPORT)
    String noncompliance(@PathVariable UUID id, @Valid @ModelAttribute("noncompliance") NoncomplianceForm form, BindingResult result,
            RedirectAttributes redirect) {
        return submitted(id, "noncompliance", form, result, redirect, "#noncompliance", () -> {
            policies.reportNoncompliance(CurrentTenant.require(), id, form);
            return "The non-compliance is recorded and raised as a nonconformity.";
        });
    }

    @PostMapping("/policies/{id}/reviews")
    @PreAuthorize(Access.REPORT)
    String recordReview(@PathVariable UUID id, @Valid @ModelAttribute("review") ReviewNoteForm review, BindingResult result,
            RedirectAttributes redirect) {
        return submitted(id, "review", review, result, redirect, "", () -> {
            PolicyViews.Policy policy = policies.recordReview(CurrentTenant.require(), id, review);
            return "The review is recorded; the next one is due by " + policy.nextReviewDate() + ".";
        });
    }

    @PostMapping("/policies/{id}/acknowledgement-requests")
    @PreAuthorize(Access.CONFIGURE)
    String requestAcknowledgement(@PathVariable UUID id, @Valid @ModelAttribute("ask") AcknowledgementForm ask, BindingResult result,
            RedirectAttributes redirect) {
        return submitted(id, "ask", ask, result, redirect, "#acknowledgements", () -> {
            PolicyViews.Policy policy = policies.requestAcknowledgement(CurrentTenant.require(), id, ask);
            return policy.acknowledgements().size() + " member(s) are asked to read version " + policy.current().number()
                    + "; each has it in their actions, with reminders.";
        });
    }

    @PostMapping("/policies/{id}/acknowledgement")
    @PreAuthorize(Access.MEMBER)
    String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
        return acted(id, redirect, "", () -> "Thank you: your acknowledgement of version "
                + policies.acknowledge(CurrentTenant.require(), id).current().number() + " is recorded.");
    }

    @GetMapping("/compliance-checks/{checkId}")
    @PreAuthorize(Access.MEMBER)
    String check(@PathVariable UUID checkId) {
        return "redirect:/policies/" + policies.policyOfCheck(CurrentTenant.require().organisationId(), checkId) + "#compliance";
    }

    // --- exceptions --------------------------------------------------------------------------------------------

    @GetMapping("/policy-exceptions")
    @PreAuthorize(Access.MEMBER)
    String exceptions(@RequestParam(defaultValue = "false") boolean expired, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) UUID policyId, Model model) {
        Tenant tenant = CurrentTenant.require();
        model.addAttribute("exceptions", policies.exceptions(tenant.organisationId(), expired,
                PageRequest.of(Math.max(0, page), 50, Sort.by("expiryDate"))));
        model.addAttribute("expiredOnly", expired);
        if (!model.containsAttribute("exception")) {
            ExceptionForm form = new ExceptionForm();
            form.setPolicyId(policyId);
            form.setReviewDate(policies.today(tenant.organisationId()).plusMonths(3));
            form.setExpiryDate(policies.today(tenant.organisationId()).plusMonths(6));
            model.addAttribute("exception", form);
        }
        model.addAttribute("policyChoices", policies.search(tenant.organisationId(), PageRequest.of(0, 200, Sort.by("reference"))).getContent());
        model.addAttribute("reporter", !tenant.onlyGuest());
        return "policy/exceptions";
    }

    @PostMapping("/policy-exceptions")
    @PreAuthorize(Access.REPORT)
    String request(@Valid @ModelAttribute("exception") ExceptionForm exception, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                PolicyViews.Exception requested = policies.requestException(CurrentTenant.require(), exception);
                redirect.addFlashAttribute("success", requested.reference() + " is requested; it applies once top management approves it.");
                return "redirect:/policy-exceptions/" + requested.id();
            }
            catch (Refused refused) {
                if (refused.kind() == Refused.Kind.NOT_FOUND) {
                    Forms.reject(result, Refused.field("policyId", "Choose a policy of this organisation"));
                }
                else {
                    Forms.reject(result, refused);
                }
            }
        }
        return exceptions(false, 0, null, model);
    }

    @GetMapping("/policy-exceptions/{id}")
    @PreAuthorize(Access.MEMBER)
    String exception(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        PolicyViews.Exception e = policies.exception(tenant, id);
        model.addAttribute("e", e);
        if (!model.containsAttribute("exception")) {
            ExceptionForm form = new ExceptionForm();
            form.setPolicyId(e.policyId());
            form.setClause(e.clause());
            form.setScope(e.scope());
            form.setJustification(e.justification());
            form.setRisk(e.risk());
            form.setCompensatingControls(e.compensatingControls());
            form.setActionPlan(e.actionPlan());
            form.setReviewDate(e.reviewDate());
            form.setExpiryDate(e.expiryDate());
            form.setVersion(e.version());
            model.addAttribute("exception", form);
        }
        model.addAttribute("policyChoices", policies.search(tenant.organisationId(), PageRequest.of(0, 200, Sort.by("reference"))).getContent());
        model.addAttribute("mayEdit", e.closedAt() == null && (tenant.hasAnyRole("ADMIN", "ISMS_MANAGER") || tenant.userId().equals(e.requesterId())));
        model.addAttribute("mayApprove", e.closedAt() == null && e.approvedAt() == null && !tenant.userId().equals(e.requesterId())
                && tenant.hasAnyRole("MANAGEMENT"));
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        return "policy/exception";
    }

    @PostMapping("/policy-exceptions/{id}")
    @PreAuthorize(Access.REPORT)
    String editException(@PathVariable UUID id, @Valid @ModelAttribute("exception") ExceptionForm exception, BindingResult result,
            RedirectAttributes redirect) {
        return Forms.submitted("/policy-exceptions/" + id, "exception", exception, result, redirect, "", "#edit", () -> {
            boolean wasApproved = policies.exception(CurrentTenant.require(), id).approvedAt() != null;
            PolicyViews.Exception saved = policies.editException(CurrentTenant.require(), id, exception);
            return wasApproved && saved.approvedAt() == null
                    ? "The exception is changed; its approval is withdrawn until it is approved again." : "The exception is saved.";
        });
    }

    @PostMapping("/policy-exceptions/{id}/approval")
    @PreAuthorize(Access.REPORT)
    String approveException(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return exceptionActed(id, redirect, () -> {
            policies.approveException(CurrentTenant.require(), id, version);
            return "The exception is approved until its expiry date.";
        });
    }

    @PostMapping("/policy-exceptions/{id}/closure")
    @PreAuthorize(Access.CONFIGURE)
    String closeException(@PathVariable UUID id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return exceptionActed(id, redirect, () -> {
            policies.closeException(CurrentTenant.require(), id, version);
            return "The exception is closed.";
        });
    }

    private static String exceptionActed(UUID id, RedirectAttributes redirect, Supplier<String> action) {
        return Forms.acted("/policy-exceptions/" + id, redirect, action);
    }

    private static String submitted(UUID id, String name, Object form, BindingResult result, RedirectAttributes redirect, String anchor,
            Supplier<String> action) {
        return Forms.submitted("/policies/" + id, name, form, result, redirect, anchor, anchor, action);
    }

    private static String acted(UUID id, RedirectAttributes redirect, String anchor, Supplier<String> action) {
        return Forms.acted("/policies/" + id + anchor, redirect, action);
    }
}
