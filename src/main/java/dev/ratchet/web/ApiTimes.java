package dev.ratchet.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.CurrentTenant;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * On the wire of the API every moment is RFC 3339 with its offset. A few records keep a wall-clock time of the
 * organisation ({@link LocalDateTime}: when an incident occurred, as the people there saw it); the API writes it with the
 * organisation's offset on that day ({@code 2026-07-01T09:30:00+02:00}) and reads any offset ({@code Z}, {@code
 * +05:30}) as the same instant in the organisation's zone. A time without an offset is read as the organisation's wall
 * clock. Outside an API request (stored JSON, pages) nothing changes.
 */
@Configuration(proxyBeanMethods = false)
class ApiTimes {

    private static final String ZONE = ApiTimes.class.getName() + ".zone";

    @Bean
    SimpleModule apiDateTimes(OrganisationManagement organisations) {
        SimpleModule module = new SimpleModule("ratchet-api-times");
        module.addSerializer(LocalDateTime.class, new ValueSerializer<>() {
            @Override
            public void serialize(LocalDateTime value, JsonGenerator generator, SerializationContext context) {
                ZoneId zone = apiZone(organisations);
                generator.writeString(zone == null ? DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value)
                        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(zone).toOffsetDateTime()));
            }
        });
        module.addDeserializer(LocalDateTime.class, new ValueDeserializer<>() {
            @Override
            public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return (LocalDateTime) context.handleUnexpectedToken(LocalDateTime.class, parser);
                }
                String text = parser.getString().trim();
                if (text.isEmpty()) {
                    return null;
                }
                try {
                    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
                    if (parsed instanceof OffsetDateTime offset) {
                        ZoneId zone = apiZone(organisations);
                        return zone == null ? offset.toLocalDateTime() : offset.atZoneSameInstant(zone).toLocalDateTime();
                    }
                    return (LocalDateTime) parsed;
                }
                catch (DateTimeParseException e) {
                    return (LocalDateTime) context.handleWeirdStringValue(LocalDateTime.class, text,
                            "Use a date and time with its offset (RFC 3339), e.g. 2026-03-31T09:30:00+02:00");
                }
            }
        });
        return module;
    }

    /** The organisation's zone during an API request for one organisation, looked up once per request; else null. */
    static ZoneId apiZone(OrganisationManagement organisations) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        Object known = request.getAttribute(ZONE);
        if (known instanceof ZoneId zone) {
            return zone;
        }
        ZoneId zone = CurrentTenant.get().map(tenant -> organisations.zone(tenant.organisationId())).orElse(null);
        if (zone != null) {
            request.setAttribute(ZONE, zone);
        }
        return zone;
    }
}
