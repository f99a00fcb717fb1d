package dev.ratchet.mail.web;

import dev.ratchet.mail.MailDelivery;
import dev.ratchet.mail.Outbox;
import dev.ratchet.mail.OutboxMessage;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's e-mail and what became of each: for the administrator asked "I never got the reminder". */
@Controller
class OutboxController {

    private final Outbox outbox;
    private final MailDelivery delivery;

    OutboxController(Outbox outbox, MailDelivery delivery) {
        this.outbox = outbox;
        this.delivery = delivery;
    }

    @GetMapping("/organisation/mail")
    @PreAuthorize(Access.ADMIN)
    String page(@RequestParam(required = false) OutboxMessage.Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page, Model model) {
        var organisationId = CurrentTenant.require().organisationId();
        model.addAttribute("messages", outbox.of(organisationId, status, PageRequest.of(page, 50)));
        model.addAttribute("counts", outbox.counts(organisationId));
        model.addAttribute("statuses", OutboxMessage.Status.values());
        model.addAttribute("status", status);
        model.addAttribute("configured", delivery.configured());
        model.addAttribute("pageLink", status == null ? "/organisation/mail" : "/organisation/mail?status=" + status.name());
        return "mail/outbox";
    }
}
