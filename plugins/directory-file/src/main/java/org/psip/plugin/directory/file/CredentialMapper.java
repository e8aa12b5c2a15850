package org.psip.plugin.directory.file;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.psip.api.Credential;

/** Maps a domain's digest users: a password, or an HA1 per algorithm so that no password is stored. */
final class CredentialMapper {

    private static final Set<String> USER_KEYS = Set.of("password", "ha1");

    private CredentialMapper() {
    }

    /** @param algorithms the algorithms the domain offers; stored HA1s must cover each of them */
    static Map<String, Credential> users(ConfigEntry users, List<String> algorithms) {
        Map<String, Credential> mapped = new LinkedHashMap<>();
        users.entries().forEach((username, entry) -> mapped.put(username, user(username, entry, algorithms)));
        return mapped;
    }

    private static Credential user(String username, ConfigEntry entry, List<String> algorithms) {
        if (!entry.isPresent()) {
            throw entry.invalid("needs a password or an ha1");
        }
        entry.withKnownKeys(USER_KEYS);
        String password = entry.get("password").optionalText().orElse(null);
        ConfigEntry ha1Entry = entry.get("ha1");
        if (password != null && ha1Entry.isPresent()) {
            throw entry.invalid("has both a password and an ha1; keep one");
        }
        if (password != null) {
            return Credential.ofPassword(username, password);
        }
        if (!ha1Entry.isPresent()) {
            throw entry.invalid("needs a password or an ha1");
        }
        return new Credential(username, null, ha1(ha1Entry, algorithms));
    }

    private static Map<String, String> ha1(ConfigEntry entry, List<String> algorithms) {
        Map<String, String> hashes = new HashMap<>();
        entry.entries().forEach((name, hashEntry) -> {
            DigestAlgorithm algorithm = DigestAlgorithm.byLabel(name).orElseThrow(() ->
                    hashEntry.invalid("not one of " + DigestAlgorithm.SUPPORTED));
            String hash = hashEntry.text().toLowerCase(Locale.ROOT);
            if (hash.length() != algorithm.hexLength() || !hash.chars().allMatch(CredentialMapper::isHexDigit)) {
                throw hashEntry.invalid("must be " + algorithm.hexLength() + " hex digits, H(username:realm:password)");
            }
            if (hashes.put(algorithm.label(), hash) != null) {
                throw hashEntry.invalid(algorithm.label() + " is given twice");
            }
        });
        for (String offered : algorithms) {
            if (!hashes.containsKey(offered)) {
                // the challenge goes out before the user is known, so every offered algorithm must work
                throw entry.invalid("no " + offered + " hash, and the domain offers " + offered);
            }
        }
        return hashes;
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
