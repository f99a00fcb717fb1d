package dev.ratchet.shared;

import java.util.Optional;

/** The tenant of the request being served on this thread. */
public final class CurrentTenant {

    private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

    private CurrentTenant() {
    }

    public static Optional<Tenant> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static Tenant require() {
        Tenant tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No organisation is selected for this request");
        }
        return tenant;
    }

    public static void set(Tenant tenant) {
        CURRENT.set(tenant);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
