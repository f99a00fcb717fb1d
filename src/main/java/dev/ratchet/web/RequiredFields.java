package dev.ratchet.web;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.PropertyDescriptor;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Required fields say so before anyone sends the form: every {@code th:field} whose property the form class requires
 * (Bean Validation's {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}) gets {@code aria-required="true"}, and
 * ratchet.js marks its label. One rule, read from the same constraints the server checks, so a marker cannot drift
 * from what is refused. Runs just before Thymeleaf's own {@code th:field}, which it leaves in place.
 */
@Component
class RequiredFields extends AbstractProcessorDialect {

    private static final Set<Class<? extends Annotation>> REQUIRED = Set.of(NotNull.class, NotBlank.class, NotEmpty.class);

    private static final Set<String> MARKED_INPUTS = Set.of("text", "email", "date", "datetime-local", "number", "url", "tel",
            "password", "search", "time", "month", "file");

    private final Validator validator;

    private final Map<String, Boolean> required = new ConcurrentHashMap<>();

    RequiredFields(Validator validator) {
        super("Ratchet required fields", "th", 900);
        this.validator = validator;
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new Marker(dialectPrefix));
    }

    private boolean required(Class<?> form, String property) {
        return required.computeIfAbsent(form.getName() + "#" + property, key -> {
            PropertyDescriptor descriptor = validator.getConstraintsForClass(form).getConstraintsForProperty(property);
            return descriptor != null && descriptor.getConstraintDescriptors().stream()
                    .anyMatch(c -> REQUIRED.contains(c.getAnnotation().annotationType()));
        });
    }

    private final class Marker extends AbstractAttributeTagProcessor {

        Marker(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "field", true, 1000, false);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                String attributeValue, IElementTagStructureHandler structureHandler) {
            if (!markable(tag) || attributeValue == null || !attributeValue.startsWith("*{") || !attributeValue.endsWith("}")
                    || !context.hasSelectionTarget() || context.getSelectionTarget() == null) {
                return;
            }
            String path = attributeValue.substring(2, attributeValue.length() - 1).strip();
            Object form = context.getSelectionTarget();
            int dot = path.lastIndexOf('.');
            if (dot > 0) {
                try {
                    form = PropertyAccessorFactory.forBeanPropertyAccess(form).getPropertyValue(path.substring(0, dot));
                }
                catch (RuntimeException e) {
                    return;
                }
            }
            String property = path.substring(dot + 1).replaceAll("\\[.*$", "");
            if (form != null && property.matches("[A-Za-z_][A-Za-z0-9_]*") && required(form.getClass(), property)) {
                structureHandler.setAttribute("aria-required", "true");
            }
        }

        private static boolean markable(IProcessableElementTag tag) {
            String name = tag.getElementCompleteName();
            if ("textarea".equals(name) || "select".equals(name)) {
                return true;
            }
            String type = tag.getAttributeValue("type");
            return "input".equals(name) && (type == null || MARKED_INPUTS.contains(type));
        }
    }
}
