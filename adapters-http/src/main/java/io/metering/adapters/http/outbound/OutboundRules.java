package io.metering.adapters.http.outbound;

import io.metering.application.port.out.WebhookTargetPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbound rules of webhook URLs (docs/webhooks.md "Outbound protection"), so that an admin
 * token cannot turn the service into a probe of the operator's network:
 * <ul>
 *   <li>an absolute {@code https} URL with a host, no user info, no fragment; plain {@code http} only to
 *       a host the operator lists;</li>
 *   <li>a host that is not listed must resolve, and to public addresses only: loopback, private
 *       (RFC 1918, IPv6 unique local), link-local, carrier-grade NAT, multicast and unspecified
 *       addresses are refused.</li>
 * </ul>
 * The sender checks the resolution again before each delivery ({@link HttpWebhookSender}).
 */
public final class OutboundRules implements WebhookTargetPolicy {
    private final OutboundSettings settings;
    private final Resolver resolver;

    /** Resolves host names; the system's resolver in service, a table in tests. */
    @FunctionalInterface
    public interface Resolver {
        /** Every address of the host. @throws UnknownHostException if it has none */
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** @param settings the allowed hosts */
    public OutboundRules(OutboundSettings settings) {
        this(settings, InetAddress::getAllByName);
    }

    /**
     * @param settings the allowed hosts
     * @param resolver resolves host names
     */
    public OutboundRules(OutboundSettings settings, Resolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (!url.isAbsolute() || host == null || host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("the URL must be an absolute https URL with a host, e.g. https://erp.example.com/metering-events");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("the URL must not carry user info (credentials); authenticate the service by the signature");
        }
        if (url.getRawFragment() != null) {
            return Optional.of("the URL must not have a fragment");
        }
        boolean listed = settings.allows(host);
        if (!listed && !scheme.equals("https")) {
            return Optional.of("the URL must use https; plain http only reaches hosts listed in METERING_WEBHOOK_ALLOWED_HOSTS");
        }
        return listed ? Optional.empty() : publicAddressRefusal(host);
    }

    /** Why an unlisted host may not be called now: it does not resolve, or resolves to a private address. */
    Optional<String> publicAddressRefusal(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(OutboundSettings.normalized(host));
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        return Arrays.stream(addresses).filter(OutboundRules::isPrivate).findFirst()
                .map(a -> "the host " + host + " resolves to the non-public address " + a.getHostAddress()
                        + "; the operator may list it in METERING_WEBHOOK_ALLOWED_HOSTS");
    }

    /** Whether a receiver at this address would be inside someone's network rather than on the internet. */
    static boolean isPrivate(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, RFC 6598
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking, RFC 2544
                    || first >= 240; // reserved and broadcast
        }
        // IPv6 unique local fc00::/7, and IPv4-mapped addresses judged as IPv4
        if ((b[0] & 0xfe) == 0xfc) {
            return true;
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            try {
                return isPrivate(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return false;
    }
}
