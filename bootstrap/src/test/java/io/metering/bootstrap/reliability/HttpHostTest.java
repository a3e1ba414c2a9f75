package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.metering.testing.FreePorts;
import io.metering.testing.Http;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code METERING_HTTP_HOST} binds the API (and the management port) to one address: bound to the
 * loopback address it answers there and refuses connections to the machine's other addresses. The
 * management port serves {@code /metrics}, the API port does not.
 */
class HttpHostTest {
    @TempDir
    Path dir;

    @Test
    void boundToLoopbackTheServiceIsNotReachedThroughAnotherAddress() throws IOException {
        Optional<InetAddress> other = NetworkInterface.networkInterfaces().filter(HttpHostTest::up)
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        int management = FreePorts.free();
        try (InProcessService service = InProcessService.start(dir.resolve("data"), Map.of("METERING_HTTP_HOST", "127.0.0.1",
                "METERING_MANAGEMENT_PORT", Integer.toString(management)))) {
            assertThat(service.http().get("/health", null).status()).isEqualTo(200);
            Http.Reply metrics = new Http("http://127.0.0.1:" + management).get("/metrics", null);
            assertThat(metrics.status()).as("the management port serves metrics (no token set)").isEqualTo(200);
            assertThat(metrics.body()).contains("metering_readings_written_total");
            assertThat(service.http().get("/metrics", null).status()).as("not on the API port without a token").isEqualTo(404);
            assumeTrue(other.isPresent(), "the machine has an address besides loopback");
            for (int port : new int[] {service.httpPort(), management}) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                }
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other.get(), port), 2000);
                    }
                }).as("port %d on %s", port, other.get()).isInstanceOf(IOException.class);
            }
        }
    }

    private static boolean up(NetworkInterface i) {
        try {
            return i.isUp();
        } catch (IOException e) {
            return false;
        }
    }
}
