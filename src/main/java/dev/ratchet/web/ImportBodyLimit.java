package dev.ratchet.web;

import java.io.IOException;

import dev.ratchet.shared.ApiProblems;
import dev.ratchet.tabular.Spreadsheet;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An import sent to the API as the request's body (a CSV or XLSX, not a multipart form, so the multipart limit does
 * not apply) is refused by its declared length before it is read into memory: 413 as problem details, with the
 * limit, rather than the container's page or a read of any size.
 */
@Component
class ImportBodyLimit extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/") && request.getRequestURI().endsWith("/import"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > Spreadsheet.MAX_FILE_BYTES) {
            ApiProblems.write(response, HttpStatus.CONTENT_TOO_LARGE, "An import can be at most " + Spreadsheet.MAX_FILE_BYTES / (1024 * 1024)
                    + " MB: split the file and import the parts");
            return;
        }
        chain.doFilter(request, response);
    }
}
