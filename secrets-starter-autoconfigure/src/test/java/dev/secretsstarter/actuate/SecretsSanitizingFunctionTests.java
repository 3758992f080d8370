package dev.secretsstarter.actuate;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsSanitizingFunctionTests {

	private final StandardEnvironment environment = new StandardEnvironment();

	private final SecretsSanitizingFunction function = new SecretsSanitizingFunction(this.environment);

	@Test
	void leavesPropertiesUnrelatedToSecretsAlone() {
		MapPropertySource source = new MapPropertySource("app", Map.of("app.name", "shop", "app.url", "${other}"));
		this.environment.getPropertySources().addLast(source);
		assertThat(this.function.apply(new SanitizableData(source, "app.name", "shop")).getValue()).isEqualTo("shop");
		assertThat(this.function.apply(new SanitizableData(source, "app.url", "x")).getValue()).isEqualTo("x");
		assertThat(this.function.apply(new SanitizableData(null, "app.name", "shop")).getValue()).isEqualTo("shop");
	}

}
