package dev.ratchet.web;

import java.text.ParseException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import dev.ratchet.organisation.OrganisationManagement;
import dev.ratchet.shared.CurrentTenant;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A moment of the organisation's wall clock in a page's form ({@code <input type="datetime-local">}, an incident's
 * times): shown as the local date and time it had there, read as the organisation's local time (with an offset, as
 * that moment). A local time in the hour repeated when the clocks go back is read as its first occurrence, the one a
 * person typing it means in nearly every case; the API and imports, which carry an offset, can name either.
 */
@Configuration(proxyBeanMethods = false)
class WallClockTimes implements WebMvcConfigurer {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final OrganisationManagement organisations;

    WallClockTimes(OrganisationManagement organisations) {
        this.organisations = organisations;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(OffsetDateTime.class, new Formatter<OffsetDateTime>() {
            @Override
            public OffsetDateTime parse(String text, Locale locale) throws ParseException {
                try {
                    TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
                    if (parsed instanceof OffsetDateTime offset) {
                        return offset;
                    }
                    return ((LocalDateTime) parsed).atZone(zone()).toOffsetDateTime();
                }
                catch (DateTimeParseException e) {
                    throw new ParseException("Use a date and a time, e.g. 2026-03-31T09:30", e.getErrorIndex());
                }
            }

            @Override
            public String print(OffsetDateTime value, Locale locale) {
                return INPUT.format(value.atZoneSameInstant(zone()));
            }
        });
    }

    private ZoneId zone() {
        return CurrentTenant.get().map(tenant -> organisations.zone(tenant.organisationId())).orElse(ZoneId.of("UTC"));
    }
}
