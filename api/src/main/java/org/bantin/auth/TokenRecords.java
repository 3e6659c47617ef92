package org.bantin.auth;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the token endpoints. */
final class TokenRecords {

    private static final String EXPIRES_AT = "When the token stops working; after it, it is refused with 401.";

    private TokenRecords() {
    }

    @Schema(name = "TokenInput")
    record TokenInput(
            @Schema(description = "Who or what uses the token; recorded on every change it makes.", example = "Phòng Thông tin – Báo chí", required = true) @NotBlank @Size(max = 120) String name,
            @Schema(required = true, example = "editor") @NotNull Role role,
            @Schema(description = "When the token stops working: in the future, at most the longest lifetime ahead (365 days by default). "
                    + "Omitted: the default lifetime (90 days) from now.", example = "2025-03-05T04:00:00Z") OffsetDateTime expiresAt) {
    }

    @Schema(name = "Token", description = "An API token, without its secret.")
    record TokenView(
            @Schema(example = "3", required = true) long id,
            @Schema(example = "Phòng Thông tin – Báo chí", required = true) String name,
            @Schema(example = "editor", required = true) Role role,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime createdAt,
            @Schema(example = "admin", required = true) String createdBy,
            @Schema(description = "Set once the token is revoked.", example = "2024-12-06T02:15:00Z") OffsetDateTime revokedAt,
            @Schema(description = EXPIRES_AT, required = true, example = "2025-03-05T04:00:00Z") OffsetDateTime expiresAt) {

        static TokenView of(ApiToken token) {
            return new TokenView(token.id, token.name, token.role, token.createdAt, token.createdBy, token.revokedAt,
                    token.expiresAt);
        }
    }

    @Schema(name = "IssuedToken", description = "A new API token; `token` is shown this once and never again.")
    record IssuedToken(
            @Schema(example = "3", required = true) long id,
            @Schema(example = "Phòng Thông tin – Báo chí", required = true) String name,
            @Schema(example = "editor", required = true) Role role,
            @Schema(description = "The secret to send as `Authorization: Bearer <token>`.", example = "bt_Zq3k0lY1sX8c0m2oV6n4R9tW5uA7bC1dE3fG5hJ7kL9", required = true) String token,
            @Schema(required = true, example = "2024-12-05T04:00:00Z") OffsetDateTime createdAt,
            @Schema(example = "admin", required = true) String createdBy,
            @Schema(description = EXPIRES_AT, required = true, example = "2025-03-05T04:00:00Z") OffsetDateTime expiresAt) {
    }
}
