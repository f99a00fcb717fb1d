package dev.ratchet.soa.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.ratchet.document.DocumentFormat;
import dev.ratchet.evidence.EvidenceManagement;
import dev.ratchet.policy.PolicyManagement;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import dev.ratchet.soa.ImplementationStatus;
import dev.ratchet.soa.SoaForm;
import dev.ratchet.soa.SoaManagement;
import dev.ratchet.soa.SoaRow;
import dev.ratchet.soa.SoaVersionView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Statement of Applicability: the controls as they stand, one control's decision, approval and versions. */
@Controller
class SoaController {

    private final SoaManagement soa;
    private final PolicyManagement policies;
    private final People people;

    SoaController(SoaManagement soa, PolicyManagement policies, People people) {
        this.soa = soa;
        this.policies = policies;
        this.people = people;
    }

    @GetMapping("/soa")
    @PreAuthorize(Access.MEMBER)
    String page(@RequestParam(required = false) String show, Model model) {
        Tenant tenant = CurrentTenant.require();
        UUID org = tenant.organisationId();
        model.addAttribute("versions", soa.versions(org));
        model.addAttribute("guest", tenant.onlyGuest());
        model.addAttribute("approver", tenant.hasAnyRole("MANAGEMENT"));
        if (!tenant.onlyGuest()) {
            List<SoaRow> rows = soa.rows(org);
            model.addAttribute("total", rows.size());
            model.addAttribute("applicable", rows.stream().filter(r -> Boolean.TRUE.equals(r.applicable())).count());
            model.addAttribute("excluded", rows.stream().filter(r -> Boolean.FALSE.equals(r.applicable())).count());
            model.addAttribute("undecided", rows.stream().filter(r -> r.applicable() == null).count());
            model.addAttribute("implemented", rows.stream().filter(r -> Boolean.TRUE.equals(r.applicable()) && r.status() == ImplementationStatus.IMPLEMENTED).count());
            model.addAttribute("withProblems", rows.stream().filter(r -> !r.problems().isEmpty()).count());
            model.addAttribute("show", show);
            model.addAttribute("rows", switch (show == null ? "" : show) {
                case "problems" -> rows.stream().filter(r -> !r.problems().isEmpty()).toList();
                case "applicable" -> rows.stream().filter(r -> Boolean.TRUE.equals(r.applicable())).toList();
                case "excluded" -> rows.stream().filter(r -> Boolean.FALSE.equals(r.applicable())).toList();
                case "undecided" -> rows.stream().filter(r -> r.applicable() == null).toList();
                default -> rows;
            });
        }
        return "soa/soa";
    }

    @GetMapping("/soa/controls/{reference}")
    @PreAuthorize(Access.REPORT)
    String control(@PathVariable String reference, Model model) {
        Tenant tenant = CurrentTenant.require();
        SoaRow row = soa.row(tenant.organisationId(), reference);
        model.addAttribute("r", row);
        if (!model.containsAttribute("decision")) {
            SoaForm form = new SoaForm();
            form.setApplicable(row.applicable());
            form.setOtherReasons(row.otherReasons());
            form.setExclusionJustification(row.exclusionJustification());
            form.setStatus(row.status());
            form.setImplementation(row.implementation());
            form.setOwnerId(row.ownerId());
            form.setPolicyIds(new java.util.ArrayList<>(row.policies().stream().map(SoaRow.Reason::id).toList()));
            form.setEvidenceValidMonths(row.evidenceValidMonths());
            form.setVersion(row.version());
            model.addAttribute("decision", form);
        }
        model.addAttribute("manager", tenant.hasAnyRole("ADMIN", "ISMS_MANAGER"));
        model.addAttribute("statuses", ImplementationStatus.values());
        model.addAttribute("people", people.assignableIn(tenant.organisationId()));
        model.addAttribute("policies", policies.search(tenant.organisationId(), PageRequest.of(0, 1000)).getContent());
        return "soa/control";
    }

    @PostMapping("/soa/controls/{reference}")
    @PreAuthorize(Access.CONFIGURE)
    String decide(@PathVariable String reference, @Valid @ModelAttribute("decision") SoaForm decision, BindingResult result,
            RedirectAttributes redirect) {
        String page = "/soa/controls/" + org.springframework.web.util.UriUtils.encodePathSegment(reference, java.nio.charset.StandardCharsets.UTF_8);
        return Forms.submitted(page, "decision", decision, result, redirect, "", "#decide", () -> {
            SoaRow row = soa.decide(CurrentTenant.require(), reference, decision);
            return row.code() + " is " + (Boolean.TRUE.equals(row.applicable()) ? "applicable" : "excluded") + "."
                    + (row.problems().isEmpty() ? "" : " Still to resolve: " + String.join("; ", row.problems()) + ".");
        });
    }

    @PostMapping("/soa/controls/{reference}/evidence")
    @PreAuthorize(Access.CONFIGURE)
    String attach(@PathVariable String reference, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate evidenceDate,
            @RequestParam(required = false) String description, RedirectAttributes redirect) throws IOException {
        String page = "/soa/controls/" + org.springframework.web.util.UriUtils.encodePathSegment(reference, java.nio.charset.StandardCharsets.UTF_8);
        try {
            var stored = soa.attach(CurrentTenant.require(), reference, EvidenceManagement.Upload.of(file, evidenceDate, description));
            redirect.addFlashAttribute("success", stored.fileName() + " is kept as evidence, with its SHA-256.");
        }
        catch (Refused refused) {
            Forms.rethrowNotFound(refused);
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:" + page + "#evidence";
    }

    @GetMapping({"/soa/document.pdf", "/soa/document.docx", "/soa/document.xlsx"})
    @PreAuthorize(Access.REPORT)
    ResponseEntity<byte[]> current(HttpServletRequest request) {
        DocumentFormat format = DocumentFormat.of(request.getRequestURI());
        return format.download("statement-of-applicability", soa.currentDocument(CurrentTenant.require().organisationId(), format));
    }

    @PostMapping("/soa/versions")
    @PreAuthorize(Access.APPROVE)
    String approve(@RequestParam(required = false) String note, RedirectAttributes redirect) {
        return Forms.acted("/soa", redirect, () -> "Version " + soa.approve(CurrentTenant.require(), note).number()
                + " of the Statement of Applicability is approved and in force; its documents are kept as approved.");
    }

    @GetMapping("/soa/versions/{id}")
    @PreAuthorize(Access.MEMBER)
    String version(@PathVariable UUID id, Model model) {
        UUID org = CurrentTenant.require().organisationId();
        SoaVersionView v = soa.version(org, id);
        model.addAttribute("v", v);
        List<SoaVersionView> all = soa.versions(org);
        all.stream().filter(o -> o.number() == v.number() - 1).findFirst()
                .ifPresent(previous -> model.addAttribute("diff", soa.diff(org, previous.id(), v.id())));
        return "soa/version";
    }

    @GetMapping({"/soa/versions/{id}/document.pdf", "/soa/versions/{id}/document.docx", "/soa/versions/{id}/document.xlsx"})
    @PreAuthorize(Access.MEMBER)
    ResponseEntity<byte[]> approved(@PathVariable UUID id, HttpServletRequest request) {
        DocumentFormat format = DocumentFormat.of(request.getRequestURI());
        UUID org = CurrentTenant.require().organisationId();
        return format.download("statement-of-applicability-v" + soa.version(org, id).number(),
                soa.approvedDocument(org, id, format).orElseThrow(() -> Refused.notFound("Version of the Statement of Applicability")));
    }
}
