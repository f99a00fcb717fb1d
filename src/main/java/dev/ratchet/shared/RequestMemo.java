package dev.ratchet.shared;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a request asks several times (the organisation's settings, its people, its areas), read once per request.
 * Only a request that changes nothing (GET, HEAD) remembers: in one that changes data, a value read before the change
 * must not be shown after it. Outside a request (jobs, tests calling services) nothing is remembered.
 */
public final class RequestMemo {

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String kind, Object key, Supplier<T> read) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return read.get();
        }
        String method = servlet.getRequest().getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return read.get();
        }
        String name = RequestMemo.class.getName() + "." + kind + "." + key;
        Object remembered = attributes.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (remembered != null) {
            return (T) remembered;
        }
        T value = read.get();
        if (value != null) {
            attributes.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
        return value;
    }
}
