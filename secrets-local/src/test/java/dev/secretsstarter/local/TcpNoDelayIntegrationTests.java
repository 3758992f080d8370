package dev.secretsstarter.local;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK HTTP server sets TCP_NODELAY on the connections it accepts only when its configuration says
 * so; without it every response waits for the client's delayed ACK. The configuration is read once
 * per JVM, so what matters is the value the server actually runs with, not only the property.
 */
class TcpNoDelayIntegrationTests extends AbstractServerIntegrationTests {

	@Test
	void serverRunsWithNoDelayProperty() {
		assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
	}

	@Test
	void jdkServerConfigurationEnablesTcpNoDelayOnAcceptedConnections() throws Exception {
		// sun.net.httpserver.ServerImpl calls setTcpNoDelay(true) on each accepted channel iff this is true;
		// reading it needs --add-opens jdk.httpserver/sun.net.httpserver (set in the module's surefire argLine).
		Method noDelay = Class.forName("sun.net.httpserver.ServerConfig").getDeclaredMethod("noDelay");
		noDelay.setAccessible(true);
		assertThat(noDelay.invoke(null)).isEqualTo(true);
		assertThat(this.client.listSecrets().secretList()).isEmpty();
	}

}
