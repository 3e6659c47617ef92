package org.bantin.auth;

/**
 * The role an endpoint needs: its method's {@link RequiresRole}, else its class's; an endpoint
 * under /api/v1/admin that names none is for admins, so that a forgotten annotation fails closed.
 */
final class RequiredRoles {

    private static final String ADMIN_PATH = "/api/v1/admin";

    private RequiredRoles() {
    }

    /** Null when the endpoint needs no token. */
    static Role of(Role onMethod, Role onClass, String classPath, String methodPath) {
        if (onMethod != null) {
            return onMethod;
        }
        if (onClass != null) {
            return onClass;
        }
        String path = ("/" + classPath + "/" + (methodPath == null ? "" : methodPath)).replaceAll("/+", "/");
        return path.equals(ADMIN_PATH + "/") || path.startsWith(ADMIN_PATH + "/") ? Role.ADMIN : null;
    }
}
