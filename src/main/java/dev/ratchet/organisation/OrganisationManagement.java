package dev.ratchet.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ratchet.organisation.domain.Area;
import dev.ratchet.organisation.domain.AreaRepository;
import dev.ratchet.organisation.domain.Organisation;
import dev.ratchet.organisation.domain.OrganisationRepository;
import dev.ratchet.shared.People;
import dev.ratchet.shared.Refused;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of organisations and their areas. Every call names the organisation it works in. */
@Service
@Transactional
public class OrganisationManagement {

    private final OrganisationRepository organisations;
    private final AreaRepository areas;
    private final People people;
    private final Clock clock;

    private final dev.ratchet.organisation.domain.OrganisationLogoRepository logos;

    OrganisationManagement(OrganisationRepository organisations, AreaRepository areas, People people, Clock clock,
            dev.ratchet.organisation.domain.OrganisationLogoRepository logos) {
        this.logos = logos;
        this.organisations = organisations;
        this.areas = areas;
        this.people = people;
        this.clock = clock;
    }

    /** The largest logo taken: a logo is printed small on a first page, and every document carries it. */
    public static final int LOGO_MAX_BYTES = 512 * 1024;

    /**
     * Sets (or replaces) the logo printed on the first page of every document: a PNG or JPEG of at most 512 KB,
     * recognised by its content, not its name. Refused, naming the rule, otherwise; nothing changes then.
     */
    public LogoView setLogo(UUID organisationId, UUID by, String fileName, byte[] content) {
        get(organisationId);
        if (content == null || content.length == 0) {
            throw Refused.field("file", "Choose an image file: PNG or JPEG");
        }
        if (content.length > LOGO_MAX_BYTES) {
            throw Refused.field("file", "The logo is larger than 512 KB: a logo of 600 pixels across or less is plenty for a document");
        }
        String type = content.length > 8 && (content[0] & 0xff) == 0x89 && content[1] == 'P' && content[2] == 'N' && content[3] == 'G' ? "image/png"
                : content.length > 3 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xd8 && (content[2] & 0xff) == 0xff ? "image/jpeg" : null;
        if (type == null) {
            throw Refused.field("file", "The logo must be a PNG or JPEG image (this file is neither, whatever its name)");
        }
        String name = fileName == null || fileName.isBlank() ? "logo" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        dev.ratchet.organisation.domain.OrganisationLogo logo = logos.findByOrganisationId(organisationId)
                .orElseGet(() -> new dev.ratchet.organisation.domain.OrganisationLogo(organisationId));
        logo.replace(name.length() > 255 ? name.substring(0, 255) : name, type, content, dev.ratchet.shared.Sha256.hex(content), by, clock.instant());
        return view(logos.saveAndFlush(logo)).view();
    }

    /** Documents go back to having no logo. */
    public void removeLogo(UUID organisationId) {
        logos.findByOrganisationId(organisationId).ifPresent(logo -> {
            logos.delete(logo);
            logos.flush();
        });
    }

    @Transactional(readOnly = true)
    public Optional<Logo> logo(UUID organisationId) {
        return logos.findByOrganisationId(organisationId).map(OrganisationManagement::view);
    }

    private static Logo view(dev.ratchet.organisation.domain.OrganisationLogo logo) {
        return new Logo(logo.getFileName(), logo.getContentType(), logo.getSizeBytes(), logo.getSha256(), logo.getContent(), logo.getUploadedAt());
    }

    public OrganisationDetails create(OrganisationSettings settings) {
        requireValidTimeZone(settings.getTimeZone());
        return organisations.save(new Organisation(settings, clock.instant())).details();
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationDetails> find(UUID id) {
        return Optional.ofNullable(dev.ratchet.shared.RequestMemo.get("organisation", id,
                () -> organisations.findById(id).map(Organisation::details).orElse(null)));
    }

    @Transactional(readOnly = true)
    public OrganisationDetails get(UUID id) {
        return find(id).orElseThrow(() -> Refused.notFound("Organisation"));
    }

    /** The organisation's time zone, in which its days (deadlines, "today", overdue) are counted. */
    @Transactional(readOnly = true)
    public ZoneId zone(UUID organisationId) {
        return ZoneId.of(get(organisationId).timeZone());
    }

    /** Today in the organisation's time zone. */
    @Transactional(readOnly = true)
    public LocalDate today(UUID organisationId) {
        return LocalDate.now(clock.withZone(zone(organisationId)));
    }

    @Transactional(readOnly = true)
    public List<OrganisationDetails> findAll(Collection<UUID> ids) {
        List<OrganisationDetails> found = organisations.findAllById(ids).stream().map(Organisation::details)
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        found.forEach(o -> dev.ratchet.shared.RequestMemo.get("organisation", o.id(), () -> o));
        return found;
    }

    public OrganisationDetails updateSettings(UUID id, OrganisationSettings settings) {
        Organisation organisation = organisations.findById(id).orElseThrow(() -> Refused.notFound("Organisation"));
        requireVersion(settings.getVersion(), organisation.getVersion());
        requireValidTimeZone(settings.getTimeZone());
        organisation.apply(settings);
        organisations.flush();
        return organisation.details();
    }

    /** The settings of an organisation as a form, ready to edit. */
    @Transactional(readOnly = true)
    public OrganisationSettings settingsOf(UUID id) {
        OrganisationDetails d = get(id);
        OrganisationSettings s = new OrganisationSettings();
        s.setName(d.name());
        s.setScopeStatement(d.scopeStatement());
        s.setSector(d.sector());
        s.setTimeZone(d.timeZone());
        s.setReviewCadenceMonths(d.reviewCadenceMonths());
        s.setEffectivenessWaitDays(d.effectivenessWaitDays());
        s.setReminderLeadDays(d.reminderLeadDays());
        s.setEscalationAfterDays(d.escalationAfterDays());
        s.setTrendThreshold(d.trendThreshold());
        s.setTrendWindowMonths(d.trendWindowMonths());
        s.setRequireTwoFactor(d.requireTwoFactor());
        s.setAllowIndependenceOverride(d.allowIndependenceOverride());
        s.setVersion(d.version());
        return s;
    }

    @Transactional(readOnly = true)
    public Page<AreaView> areas(UUID organisationId, String text, Pageable pageable) {
        String pattern = "%" + (text == null ? "" : text.strip().toLowerCase()) + "%";
        Page<Area> page = areas.search(organisationId, pattern, pageable);
        Map<UUID, String> owners = people.displayNames(organisationId);
        return page.map(a -> view(a, owners));
    }

    @Transactional(readOnly = true)
    public List<AreaView> allAreas(UUID organisationId) {
        return dev.ratchet.shared.RequestMemo.get("areas", organisationId, () -> {
            Map<UUID, String> owners = people.displayNames(organisationId);
            return areas.findByOrganisationIdOrderByName(organisationId).stream().map(a -> view(a, owners)).toList();
        });
    }

    @Transactional(readOnly = true)
    public AreaView area(UUID organisationId, UUID areaId) {
        return view(findArea(organisationId, areaId), people.displayNames(organisationId));
    }

    public AreaView createArea(UUID organisationId, AreaForm form) {
        checkPeople(organisationId, form);
        if (areas.existsByOrganisationIdAndNameIgnoreCase(organisationId, form.getName().strip())) {
            throw Refused.field("name", "There is already an area called \"" + form.getName().strip() + "\"");
        }
        Area area = areas.save(new Area(organisationId, form));
        return view(area, people.displayNames(organisationId));
    }

    public AreaView updateArea(UUID organisationId, UUID areaId, AreaForm form) {
        Area area = findArea(organisationId, areaId);
        requireVersion(form.getVersion(), area.getVersion());
        checkPeople(organisationId, form);
        if (areas.existsByOrganisationIdAndNameIgnoreCaseAndIdNot(organisationId, form.getName().strip(), areaId)) {
            throw Refused.field("name", "There is already an area called \"" + form.getName().strip() + "\"");
        }
        area.apply(form);
        areas.flush();
        return view(area, people.displayNames(organisationId));
    }

    public void deleteArea(UUID organisationId, UUID areaId, Long version) {
        Area area = findArea(organisationId, areaId);
        requireVersion(version, area.getVersion());
        areas.delete(area);
        areas.flush();
    }

    private Area findArea(UUID organisationId, UUID areaId) {
        return areas.findByIdAndOrganisationId(areaId, organisationId).orElseThrow(() -> Refused.notFound("Area"));
    }

    private void checkPeople(UUID organisationId, AreaForm form) {
        if (form.getOwnerId() != null) {
            people.requireAssignable(organisationId, form.getOwnerId(), "ownerId", "The owner must be an active member of this organisation");
        }
        for (UUID member : form.getMemberIds()) {
            if (member != null) {
                people.requireAssignable(organisationId, member, "memberIds", "Everyone who works in the area must be an active member of this organisation");
            }
        }
    }

    private static void requireVersion(Long submitted, long stored) {
        Refused.requireCurrentVersion(submitted, stored);
    }

    private static void requireValidTimeZone(String zone) {
        try {
            ZoneId.of(zone);
        }
        catch (DateTimeException | NullPointerException e) {
            throw Refused.field("timeZone", "\"" + zone + "\" is not a time zone: choose one from the list");
        }
    }

    private static AreaView view(Area a, Map<UUID, String> owners) {
        return new AreaView(a.getId(), a.getName(), a.getDescription(), a.getOwnerId(),
                a.getOwnerId() == null ? null : owners.getOrDefault(a.getOwnerId(), "(former member)"),
                a.getRisk(), a.getMemberIds(),
                a.getMemberIds().stream().map(id -> owners.getOrDefault(id, "(former member)")).toList(), a.getVersion());
    }

}
