package dev.ratchet.history.internal;

import java.lang.reflect.Field;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.ratchet.history.Change;
import dev.ratchet.history.HistoryEntry.Action;
import dev.ratchet.history.HistoryManagement;
import dev.ratchet.shared.Actor;
import dev.ratchet.shared.HistoryChild;
import dev.ratchet.shared.HistoryIgnored;
import dev.ratchet.shared.HistoryRedacted;
import dev.ratchet.shared.OrganisationScoped;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Writes a history entry for every insert, update and delete of an entity, inside the same transaction, so a
 * change and its history are committed or rolled back together. No module has to remember to call it.
 */
class HistoryListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    static final String REDACTED = "[redacted]";

    private final Clock clock;
    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    HistoryListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        List<Change> changes = new ArrayList<>();
        collect(event.getPersister(), event.getEntity(), null, event.getState(), changes);
        write(event.getSession(), event.getEntity(), event.getId(), Action.CREATE, changes);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        List<Change> changes = new ArrayList<>();
        collect(event.getPersister(), event.getEntity(), event.getOldState(), event.getState(), changes);
        if (!changes.isEmpty()) {
            write(event.getSession(), event.getEntity(), event.getId(), Action.UPDATE, changes);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        List<Change> changes = new ArrayList<>();
        collect(event.getPersister(), event.getEntity(), event.getDeletedState(), null, changes);
        write(event.getSession(), event.getEntity(), event.getId(), Action.DELETE, changes);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void collect(EntityPersister persister, Object entity, Object[] before, Object[] after, List<Change> out) {
        String[] names = persister.getPropertyNames();
        Type[] types = persister.getPropertyTypes();
        Map<String, Field> fields = fieldsOf(entity.getClass());
        for (int i = 0; i < names.length; i++) {
            Field field = fields.get(names[i]);
            if (ignored(persister, i, field)) {
                continue;
            }
            boolean redacted = redacted(field);
            Object old = before == null ? null : before[i];
            Object now = after == null ? null : after[i];
            if (types[i] instanceof ComponentType component) {
                String[] parts = component.getPropertyNames();
                Object[] oldParts = old == null ? new Object[parts.length] : component.getPropertyValues(old);
                Object[] newParts = now == null ? new Object[parts.length] : component.getPropertyValues(now);
                for (int p = 0; p < parts.length; p++) {
                    add(out, names[i] + "." + parts[p], oldParts[p], newParts[p], redacted);
                }
            }
            else if (!types[i].isCollectionType()) {
                add(out, names[i], old, now, redacted);
            }
        }
    }

    private static void add(List<Change> out, String name, Object before, Object after, boolean redacted) {
        String was = text(before);
        String is = text(after);
        if (Objects.equals(was, is)) {
            return;
        }
        if (redacted) {
            out.add(new Change(name, was == null ? null : REDACTED, is == null ? null : REDACTED));
        }
        else {
            out.add(new Change(name, was, is));
        }
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.util.Collection<?> values) {
            return values.stream().map(HistoryListener::text).sorted().collect(java.util.stream.Collectors.joining(", "));
        }
        return value.toString();
    }

    private void write(SharedSessionContractImplementor session, Object entity, Object id, Action action,
            List<Change> changes) {
        UUID organisationId = entity instanceof OrganisationScoped scoped ? scoped.getOrganisationId()
                : HistoryManagement.INSTALLATION;
        UUID actorId = null;
        String actorName = "system";
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            actorId = actor.userId();
            actorName = actor.displayName();
        }
        UUID finalActorId = actorId;
        String finalActorName = actorName;
        String parentId = entity instanceof HistoryChild child ? child.historyParentId() : null;
        Bulk bulk = Bulk.CURRENT.get();
        if (bulk != null && bulk.organisationId().equals(organisationId)) {
            bulk.pending().add(new Bulk.Pending(recordType(entity), String.valueOf(id), parentId, action, finalActorId, finalActorName,
                    clock.instant(), HistoryStore.json(changes)));
            return;
        }
        session.doWork(connection -> HistoryStore.append(connection, organisationId, recordType(entity),
                String.valueOf(id), parentId, action, finalActorId, finalActorName, clock.instant(), changes));
    }

    static String recordType(Object entity) {
        return org.hibernate.Hibernate.getClass(entity).getSimpleName();
    }

    /** Whether history leaves the property out: the version, and bookkeeping fields ({@link HistoryIgnored}). */
    static boolean ignored(EntityPersister persister, int index, Field field) {
        return persister.isVersioned() && index == persister.getVersionPropertyIndex()
                || field != null && field.isAnnotationPresent(HistoryIgnored.class);
    }

    /** Whether history records only that the property changed, not its values ({@link HistoryRedacted}). */
    static boolean redacted(Field field) {
        return field != null && field.isAnnotationPresent(HistoryRedacted.class);
    }

    /** An entity class's fields by name (its superclasses' too), for the annotations above. */
    static Map<String, Field> fieldsOf(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            Map<String, Field> found = new ConcurrentHashMap<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    found.putIfAbsent(f.getName(), f);
                }
            }
            return found;
        });
    }
}
