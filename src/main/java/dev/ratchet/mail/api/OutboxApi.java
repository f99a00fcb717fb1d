package dev.ratchet.mail.api;

import java.util.UUID;

import dev.ratchet.mail.Outbox;
import dev.ratchet.mail.OutboxMessage;
import dev.ratchet.shared.Access;
import dev.ratchet.shared.CurrentTenant;
import dev.ratchet.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations/{organisationId}/mail")
@Tag(name = "Mail", description = "The organisation's e-mail in the outbox and what became of each message")
class OutboxApi {

    private final Outbox outbox;

    OutboxApi(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @PreAuthorize(Access.ADMIN)
    @Operation(summary = "The organisation's e-mail, newest first, with each message's state, attempts and last error")
    Paged<OutboxMessage> listMail(@PathVariable UUID organisationId, @RequestParam(required = false) OutboxMessage.Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Paged.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(Paged.MAX_SIZE) int size) {
        return Paged.of(outbox.of(CurrentTenant.require().organisationId(), status, PageRequest.of(page, size)));
    }
}
