package dev.ratchet.history.internal;

import java.time.Clock;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.internal.SessionFactoryImpl;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Hooks the history listener into Hibernate once the persistence unit is up. */
@Component
class HistoryListenerRegistration implements SmartInitializingSingleton {

    private final EntityManagerFactory entityManagerFactory;
    private final Clock clock;

    HistoryListenerRegistration(EntityManagerFactory entityManagerFactory, Clock clock) {
        this.entityManagerFactory = entityManagerFactory;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImpl.class)
                .getServiceRegistry().requireService(EventListenerRegistry.class);
        HistoryListener listener = new HistoryListener(clock);
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
    }
}
