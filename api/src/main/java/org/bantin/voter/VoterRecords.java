package org.bantin.voter;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What readers exchange with the API for a voter token. */
public final class VoterRecords {

    private VoterRecords() {
    }

    @Schema(name = "VoterToken", description = "An anonymous reader identity. Keep it and send it as the `Voter-Token` header when rating or voting. It expires (then 401): get a new one, sending the old one to stay the same voter.")
    public record VoterToken(
            @Schema(example = "q3vYl0cX7tR2mN8pK4sW1mUAAAAAaM3k8g.4fJ9kL2mN7pQ1rS5tU8vWx", required = true) String token) {
    }

    @Schema(name = "VoterChallenge", description = "Proof of work asked before a voter token (the format of ALTCHA): find the number n, from 0 to `maxnumber`, "
            + "such that the SHA-256 of `salt` followed by n in decimal is `challenge` (lower-case hex). It expires within minutes.")
    public record Challenge(
            @Schema(example = "SHA-256", required = true) String algorithm,
            @Schema(example = "5d5b3e0a8f1c7f3f5e1a2c9b7d0e4f6a8b2c1d3e5f7a9b0c2d4e6f8a1b3c5d7e", required = true) String challenge,
            @Schema(example = "20000", required = true) int maxnumber,
            @Schema(example = "8f3a2b1c0d9e8f7a6b5c4d3e?expires=1765526400", required = true) String salt,
            @Schema(example = "0b1e4c7a2d5f8e1b4a7d0c3f6e9b2a5d8c1f4e7a0d3b6c9f2e5a8d1c4b7e0a3f", required = true) String signature) {
    }

    @Schema(name = "VoterChallengeSolution", description = "A challenge from POST /api/v1/voters/challenges, as it came, with the number that solves it.")
    public record Solution(
            @Schema(example = "SHA-256", required = true) @NotNull String algorithm,
            @Schema(example = "5d5b3e0a8f1c7f3f5e1a2c9b7d0e4f6a8b2c1d3e5f7a9b0c2d4e6f8a1b3c5d7e", required = true) @NotNull @Pattern(regexp = HEX_64, message = "must be 64 hex digits") String challenge,
            @Schema(example = "31337", required = true) @NotNull @PositiveOrZero Long number,
            @Schema(example = "8f3a2b1c0d9e8f7a6b5c4d3e?expires=1765526400", required = true) @NotNull @Size(max = 100) String salt,
            @Schema(example = "0b1e4c7a2d5f8e1b4a7d0c3f6e9b2a5d8c1f4e7a0d3b6c9f2e5a8d1c4b7e0a3f", required = true) @NotNull @Pattern(regexp = HEX_64, message = "must be 64 hex digits") String signature) {
    }

    private static final String HEX_64 = "[0-9a-f]{64}";
}
