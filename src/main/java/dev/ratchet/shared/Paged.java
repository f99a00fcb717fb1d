package dev.ratchet.shared;

import java.util.List;

import org.springframework.data.domain.Page;

/**
 * The one shape of every paged list of the API: {@code content} and {@code page} (size, number, totalElements,
 * totalPages). Page numbers start at 0; {@code size} is 1 to {@value #MAX_SIZE}, and a larger one is refused (422
 * naming {@code size}), never silently cut.
 */
public record Paged<T>(List<T> content, PageInfo page) {

    public static final int MAX_SIZE = 200;

    /** Far beyond any register, and small enough that page × size stays a valid offset. */
    public static final int MAX_PAGE = 1_000_000;

    public record PageInfo(long size, long number, long totalElements, long totalPages) {
    }

    public static <T> Paged<T> of(Page<T> page) {
        return new Paged<>(page.getContent(),
                new PageInfo(page.getSize(), page.getNumber(), page.getTotalElements(), page.getTotalPages()));
    }
}
