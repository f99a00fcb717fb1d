package dev.ratchet.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Set;

import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.CurrentTenant;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/**
 * {@code #when.format(moment, 'd MMM yyyy')} in templates: a moment (an Instant, or a time with an offset) shown as
 * the day and time it was in the organisation's time zone, never the server's; a date or a local time as it is. A
 * record raised just after midnight in Auckland is shown on the day it was raised there.
 */
@Component
class When extends AbstractDialect implements IExpressionObjectDialect {

    private final OrganisationManagement organisations;

    When(OrganisationManagement organisations) {
        super("when");
        this.organisations = organisations;
    }

    /** What {@code #when} is in a template: formats in one zone. */
    public static final class Formatter {

        private final ZoneId zone;
        private final Locale locale;

        Formatter(ZoneId zone, Locale locale) {
            this.zone = zone;
            this.locale = locale;
        }

        public String format(Object value, String pattern) {
            if (value == null) {
                return "";
            }
            DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, locale);
            TemporalAccessor temporal;
            if (value instanceof Instant i) {
                temporal = i.atZone(zone);
            }
            else if (value instanceof OffsetDateTime o) {
                temporal = o.atZoneSameInstant(zone);
            }
            else if (value instanceof ZonedDateTime z) {
                temporal = z.withZoneSameInstant(zone);
            }
            else if (value instanceof TemporalAccessor other) {
                temporal = other; // a date, or a local time: as it is
            }
            else {
                throw new IllegalArgumentException("Not a date or time: " + value.getClass().getSimpleName());
            }
            return format.format(temporal);
        }

        public ZoneId zone() {
            return zone;
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("when");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                ZoneId zone = CurrentTenant.get().map(t -> organisations.zone(t.organisationId())).orElse(ZoneId.systemDefault());
                return new Formatter(zone, context.getLocale() == null ? Locale.UK : context.getLocale());
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
