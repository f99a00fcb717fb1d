package dev.ratchet.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.ratchet.shared.Refused;
import dev.ratchet.tabular.ImportFile;
import dev.ratchet.tabular.Spreadsheet;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads an {@link ImportFile} argument from the raw body or from a multipart part named {@code file}, never more than
 * {@link Spreadsheet#MAX_FILE_BYTES} (a body of undeclared length is counted as it is read: 413), and documents the
 * operation's request body as both forms, multipart first, so that every generated client can send a file.
 */
@Configuration(proxyBeanMethods = false)
class ImportFiles implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ImportFile.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        MultipartHttpServletRequest multipart = webRequest.getNativeRequest(MultipartHttpServletRequest.class);
        if (multipart != null) {
            MultipartFile file = multipart.getFile("file");
            if (file == null) {
                throw Refused.field("file", "Send the file as the part named \"file\"");
            }
            return new ImportFile(file.getOriginalFilename(), file.getBytes());
        }
        try (InputStream body = request.getInputStream()) {
            byte[] content = body.readNBytes(Spreadsheet.MAX_FILE_BYTES + 1);
            if (content.length > Spreadsheet.MAX_FILE_BYTES) {
                throw new TooLarge();
            }
            return new ImportFile(null, content);
        }
    }

    /** An import body over the limit, sent without a length the filter could refuse it by. */
    static final class TooLarge extends org.springframework.web.server.ResponseStatusException {
        TooLarge() {
            super(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "An import can be at most "
                    + Spreadsheet.MAX_FILE_BYTES / (1024 * 1024) + " MB: split the file and import the parts");
        }
    }

    /** The request body of every operation that takes an {@link ImportFile}: multipart or CSV (multipart first, as
     * the document's keys are sorted and clients take the first). */
    @Bean
    OperationCustomizer importBodies() {
        return (operation, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.getParameterType() == ImportFile.class) {
                    Schema<?> binary = new Schema<>().type("string").format("binary");
                    Schema<Object> form = new Schema<>().type("object");
                    form.addProperty("file", new Schema<>().type("string").format("binary")
                            .description("The CSV (UTF-8 or Windows-1252, comma or semicolon) or XLSX file"));
                    form.setRequired(List.of("file"));
                    operation.setRequestBody(new RequestBody().required(true).description(
                            "The file: as a multipart form with the part \"file\" (CSV or XLSX), or a CSV as the body itself "
                                    + "(an XLSX body with its media type is read too). "
                                    + "At most " + Spreadsheet.MAX_FILE_BYTES / (1024 * 1024) + " MB.")
                            .content(new Content()
                                    .addMediaType(ApiContract.MULTIPART, new MediaType().schema(form))
                                    .addMediaType("text/csv", new MediaType().schema(binary))));
                }
            }
            return operation;
        };
    }

}
