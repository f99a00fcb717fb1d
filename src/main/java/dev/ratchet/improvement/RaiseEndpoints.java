package dev.ratchet.improvement;

import java.util.UUID;

import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Forms;
import dev.ratchet.shared.Refused;
import dev.ratchet.shared.Tenant;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Raise an improvement" from a record of another register, for a {@code @Controller} with the register's path as its
 * {@code @RequestMapping}: {@code /{id}/raise} shows the proposed record (template {@code improvement/raise-page}) and
 * raises it, linked both ways.
 */
public abstract class RaiseEndpoints {

    /** What the page says about the record raised from. */
    public record From(String reference, String title, String registerLabel, String registerPath, String noun) {
    }

    private final RaiseChoices choices;

    protected RaiseEndpoints(RaiseChoices choices) {
        this.choices = choices;
    }

    protected abstract From from(Tenant tenant, UUID id);

    protected abstract RaiseForm propose(Tenant tenant, UUID id);

    /** Refuses (AccessDeniedException) someone who may not raise from this register; everyone who reports may, by default. */
    protected void checkMayRaise(Tenant tenant) {
    }

    /** Raises the record and returns its reference. */
    protected abstract String raise(Tenant tenant, UUID id, RaiseForm form);

    @GetMapping("/{id}/raise")
    @PreAuthorize(Access.REPORT)
    public String raiseForm(@PathVariable UUID id, Model model) {
        Tenant tenant = CurrentTenant.require();
        checkMayRaise(tenant);
        model.addAttribute("raise", propose(tenant, id));
        return page(model, tenant, id);
    }

    @PostMapping("/{id}/raise")
    @PreAuthorize(Access.REPORT)
    public String raise(@PathVariable UUID id, @Valid @ModelAttribute("raise") RaiseForm raise, BindingResult result,
            Model model, RedirectAttributes redirect) {
        Tenant tenant = CurrentTenant.require();
        checkMayRaise(tenant);
        if (!result.hasErrors()) {
            try {
                From from = from(tenant, id);
                String reference = raise(tenant, id, raise);
                redirect.addFlashAttribute("success", reference + " is raised from this " + from.noun() + ".");
                return "redirect:" + from.registerPath() + "/" + id;
            }
            catch (Refused refused) {
                Forms.rethrowNotFound(refused);
                Forms.reject(result, refused);
            }
        }
        return page(model, tenant, id);
    }

    private String page(Model model, Tenant tenant, UUID id) {
        From from = from(tenant, id);
        model.addAttribute("from", from);
        model.addAttribute("recordPath", from.registerPath() + "/" + id);
        choices.addTo(model, tenant.organisationId());
        return "improvement/raise-page";
    }
}
