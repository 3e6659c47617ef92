package org.bantin.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Names in the contract the role each operation needs (`x-required-role` and its description), read from the same
 * annotations that {@link BearerTokenFilter} enforces, and the 429 that follows refused tokens.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RolesInContract implements OASFilter {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName REQUIRES_ROLE = DotName.createSimple(RequiresRole.class.getName());
    private static final DotName OPERATION = DotName
            .createSimple("org.eclipse.microprofile.openapi.annotations.Operation");
    private static final Set<DotName> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
            .stream().map(name -> DotName.createSimple("jakarta.ws.rs." + name)).collect(Collectors.toSet());

    private final Map<String, Role> roleByOperationId = new HashMap<>();

    public RolesInContract(IndexView index) {
        for (AnnotationInstance classPath : index.getAnnotations(PATH)) {
            if (classPath.target().kind() == AnnotationTarget.Kind.CLASS) {
                addOperations(classPath.target().asClass(), classPath.value().asString());
            }
        }
    }

    private void addOperations(ClassInfo resource, String classPath) {
        Role onClass = role(resource.declaredAnnotation(REQUIRES_ROLE));
        for (MethodInfo method : resource.methods()) {
            if (HTTP_METHODS.stream().noneMatch(method::hasDeclaredAnnotation)) {
                continue;
            }
            AnnotationInstance methodPath = method.declaredAnnotation(PATH);
            Role role = RequiredRoles.of(role(method.declaredAnnotation(REQUIRES_ROLE)), onClass, classPath,
                    methodPath == null ? null : methodPath.value().asString());
            if (role != null) {
                roleByOperationId.put(operationId(method), role);
            }
        }
    }

    /** The operation's id as the contract has it: the one it names, or the method's name. */
    private static String operationId(MethodInfo method) {
        AnnotationInstance operation = method.declaredAnnotation(OPERATION);
        AnnotationValue id = operation == null ? null : operation.value("operationId");
        return id == null || id.asString().isEmpty() ? method.name() : id.asString();
    }

    private static Role role(AnnotationInstance requiresRole) {
        return requiresRole == null ? null : Role.valueOf(requiresRole.value().asEnum());
    }

    @Override
    public Operation filterOperation(Operation operation) {
        Role role = roleByOperationId.get(operation.getOperationId());
        if (role != null) {
            operation.addExtension("x-required-role", role.wireName());
            String needs = "Needs a bearer token with the `" + role.wireName() + "` role or a higher one.";
            operation.setDescription(operation.getDescription() == null ? needs : operation.getDescription() + "\n\n" + needs);
            operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                    .description(
                            "Too many refused tokens from this address: every token is refused for a while; see Retry-After."));
        }
        return operation;
    }
}
