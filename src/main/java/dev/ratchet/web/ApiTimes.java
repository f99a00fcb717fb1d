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
 * clock. Outside an API request (stored JSON, pages) nothing changes. An {@link OffsetDateTime} is written with its own
 * offset, as it is.
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
        // A moment with the offset it was given (an incident's time, with the organisation's offset at that moment), as it is:
        // not moved to UTC, so that the hour repeated when the clocks go back reads 01:30+01:00, then 01:30Z.
        module.addSerializer(OffsetDateTime.class, new ValueSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
            }
        });
        // Read with any offset; a time without one is the organisation's wall clock, as for LocalDateTime.
        module.addDeserializer(OffsetDateTime.class, new Moment<>(OffsetDateTime.class, parsed -> {
            if (parsed instanceof OffsetDateTime offset) {
                return offset;
            }
            ZoneId zone = apiZone(organisations);
            return ((LocalDateTime) parsed).atZone(zone == null ? ZoneId.of("UTC") : zone).toOffsetDateTime();
        }));
        module.addDeserializer(LocalDateTime.class, new Moment<>(LocalDateTime.class, parsed -> {
            if (parsed instanceof OffsetDateTime offset) {
                ZoneId zone = apiZone(organisations);
                return zone == null ? offset.toLocalDateTime() : offset.atZoneSameInstant(zone).toLocalDateTime();
            }
            return (LocalDateTime) parsed;
        }));
        return module;
    }

    /** A date and time read as an offset date-time or a local one, then made into {@code type}; anything else is a 400. */
    private static final class Moment<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final java.util.function.Function<TemporalAccessor, T> convert;

        Moment(Class<T> type, java.util.function.Function<TemporalAccessor, T> convert) {
            this.type = type;
            this.convert = convert;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            String text = parser.getString().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return convert.apply(DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from));
            }
            catch (DateTimeParseException e) {
                return type.cast(context.handleWeirdStringValue(type, text,
                        "Use a date and time with its offset (RFC 3339), e.g. 2026-03-31T09:30:00+02:00"));
            }
        }
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
