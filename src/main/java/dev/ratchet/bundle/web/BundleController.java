package dev.ratchet.bundle.web;

import java.util.List;
import java.util.UUID;

import dev.ratchet.bundle.BundleForm;
import dev.ratchet.bundle.BundleManagement;
import dev.ratchet.bundle.BundleView;
import dev.ratchet.document.Downloads;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class BundleController {

    private final BundleManagement bundles;

    private final dev.ratchet.catalogue.FrameworkScopes scopes;

    BundleController(BundleManagement bundles, dev.ratchet.catalogue.FrameworkScopes scopes) {
        this.bundles = bundles;
        this.scopes = scopes;
    }

    @GetMapping("/bundles")
    @PreAuthorize(Access.VERIFY_HISTORY)
    String page(Model model) {
        Tenant tenant = CurrentTenant.require();
        if (!model.containsAttribute("bundle")) {
            BundleForm form = new BundleForm();
            java.time.LocalDate today = bundles.today(tenant.organisationId());
            form.setFrom(today.minusYears(1).plusDays(1));
            form.setTo(today);
            model.addAttribute("bundle", form);
        }
        model.addAttribute("frameworksInScope", scopes.of(tenant.organisationId()).frameworks());
        return table(model, tenant, "bundle/bundles");
    }

    /** The list alone, which the page asks for every two seconds while a bundle is being built. */
    @GetMapping("/bundles/table")
    @PreAuthorize(Access.VERIFY_HISTORY)
    String table(Model model) {
        return table(model, CurrentTenant.require(), "bundle/bundles :: table");
    }

    private String table(Model model, Tenant tenant, String view) {
        List<BundleView> list = bundles.list(tenant.organisationId());
        model.addAttribute("bundles", list);
        model.addAttribute("running", list.stream().anyMatch(BundleView::running));
        return view;
    }

    @PostMapping("/bundles")
    @PreAuthorize(Access.VERIFY_HISTORY)
    String request(@Valid @ModelAttribute("bundle") BundleForm bundle, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                bundles.request(CurrentTenant.require(), bundle);
                redirect.addFlashAttribute("success", "The bundle is being put together; it appears below when it is ready to download.");
                return "redirect:/bundles";
            }
            catch (Refused refused) {
                Forms.reject(result, refused);
            }
        }
        return page(model);
    }

    @GetMapping("/bundles/{id}/download")
    @PreAuthorize(Access.VERIFY_HISTORY)
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        UUID org = CurrentTenant.require().organisationId();
        return Downloads.zip(bundles.get(org, id).fileName(), bundles.content(org, id));
    }
}
