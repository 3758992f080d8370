package dev.secretsstarter.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MainTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final PrintStream print = new PrintStream(this.out, true, StandardCharsets.UTF_8);

	@Test
	void helpPrintsUsageAndStartsNothing() {
		assertThat(Main.parse(new String[] { "--help" }, this.print)).isNull();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("--port").contains("--data-file").contains("--seed");
	}

	@Test
	void unknownOptionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Main.parse(new String[] { "--bogus", "x" }, this.print))
			.withMessageContaining("--bogus");
	}

	@Test
	void optionWithoutValueIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Main.parse(new String[] { "--port" }, this.print))
			.withMessageContaining("Missing value for --port");
	}

	@Test
	void bannerNamesTheUrlRegionAndAccessKey() {
		try (LocalSecretsManager server = Main
			.parse(new String[] { "--port", "0", "--region", "eu-west-1", "--access-key", "k", "--secret-key", "s" },
					this.print)
			.build()
			.start()) {
			assertThat(Main.banner(server)).isEqualTo("secrets-local listening on http://127.0.0.1:" + server.port()
					+ " (region eu-west-1, access key k)");
		}
	}

}
