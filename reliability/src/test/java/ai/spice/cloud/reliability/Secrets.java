package ai.spice.cloud.reliability;

import ai.spice.cloud.client.errors.SpiceCloudInvalidResponseException;
import ai.spice.cloud.client.errors.SpiceCloudServiceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects every text a logged exception would show, and checks no secret is in it. */
final class Secrets {
    private Secrets() {
    }

    /** Messages, toString and body excerpts of the whole cause and suppressed chain: what a stack trace prints. */
    static List<String> visibleTexts(Throwable thrown) {
        List<String> texts = new ArrayList<>();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        collect(thrown, texts, seen);
        return texts;
    }

    private static void collect(Throwable t, List<String> texts, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        texts.add(String.valueOf(t.getMessage()));
        texts.add(t.toString());
        if (t instanceof SpiceCloudServiceException service) {
            texts.add(service.bodyExcerpt());
            for (Map.Entry<String, List<String>> h : service.headers().entrySet()) {
                texts.add(h.getKey() + ": " + h.getValue());
            }
        }
        if (t instanceof SpiceCloudInvalidResponseException invalid) {
            texts.add(invalid.bodyExcerpt());
        }
        collect(t.getCause(), texts, seen);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, texts, seen);
        }
    }

    /** The first secret found in any visible text, or null. */
    static String leaked(Throwable thrown, Collection<String> secrets) {
        for (String text : visibleTexts(thrown)) {
            if (text == null) {
                continue;
            }
            for (String secret : secrets) {
                if (!secret.isEmpty() && text.contains(secret)) {
                    return secret;
                }
            }
        }
        return null;
    }
}
