package org.bantin.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.bantin.settings.SiteSettings;

/**
 * Where webhooks may call: http or https, to a host whose every address is public, unless the admin setting
 * webhookPrivateTargets allows loopback and private networks (a receiver beside the API). Checked when a webhook is
 * saved and again before each request, since the host's addresses may change.
 */
@ApplicationScoped
class WebhookTargets {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final SiteSettings settings;

    WebhookTargets(SiteSettings settings) {
        this.settings = settings;
    }

    /** Why the webhook may not call this url; null when it may. */
    String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return "must be an http or https URL";
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return "must name a host, without user information or fragment";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "names a host that does not resolve: " + uri.getHost();
        }
        if (settings.current().webhookPrivateTargets()) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return "resolves to a loopback, link-local, private or unspecified address (" + address.getHostAddress()
                        + "); the setting webhookPrivateTargets allows them";
            }
        }
        return null;
    }

    /** Loopback, link-local, private (RFC 1918), unique-local (fc00::/7), shared (100.64/10) or unspecified. */
    static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        boolean shared = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || shared;
    }
}
