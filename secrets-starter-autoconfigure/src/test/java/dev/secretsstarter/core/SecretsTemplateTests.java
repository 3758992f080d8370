package dev.secretsstarter.core;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests for {@link SecretsTemplate} (its operations are covered by
 * {@link SecretsTemplateIntegrationTests}).
 */
class SecretsTemplateTests {

	@Test
	void declaredMethodsNameNoSdkTypesSoScanningTheBeanLoadsNoSdkModelClasses() {
		// Spring's start-up scans call getDeclaredMethods(), which loads every type in every
		// declared signature, synthetic lambda methods included.
		List<String> offending = new ArrayList<>();
		for (Method method : SecretsTemplate.class.getDeclaredMethods()) {
			if (isGetClient(method)) {
				continue;
			}
			boolean namesSdkType = Stream.concat(Stream.of(method.getReturnType()), Stream.of(method.getParameterTypes()))
				.anyMatch((type) -> componentType(type).getName().startsWith("software.amazon.awssdk."));
			if (namesSdkType) {
				offending.add(method.toString());
			}
		}
		assertThat(offending).isEmpty();
	}

	private static boolean isGetClient(Method method) {
		// Loading the client interface does not load the types its methods name.
		return method.getName().equals("getClient") && method.getParameterCount() == 0
				&& method.getReturnType() == SecretsManagerClient.class;
	}

	private static Class<?> componentType(Class<?> type) {
		return type.isArray() ? componentType(type.getComponentType()) : type;
	}

}
